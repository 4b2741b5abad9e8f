export interface ThreadSample {
  comm: string;
  runNs: number;
  waitNs: number;
}

export interface ProcessSample {
  pid: number;
  role: string;
  threads: Record<string, ThreadSample>;
}

export interface ThreadSnapshot {
  at: number;
  processes: ProcessSample[];
}

export interface GroupFigures {
  cpuMs: number | null;
  waitMs: number | null;
}

export interface CpuPerStep {
  steps: number;
  wallMs: number | null;
  workerIdleMs: number | null;
  totalCpuMs: number | null;
  worker: GroupFigures;
  rendererMain: GroupFigures;
  rendererOther: GroupFigures;
  gpu: GroupFigures;
  browser: GroupFigures;
  other: GroupFigures;
  busiestThreads: { role: string; comm: string; cpuMs: number | null; waitMs: number | null }[];
}

export function findBrowserPid(): number;
export function snapshotThreads(browserPid: number): ThreadSnapshot;
export function cpuPerStep(
  before: ThreadSnapshot,
  after: ThreadSnapshot,
  steps: number,
  options?: { trainsIn?: 'worker' | 'main' },
): CpuPerStep;
export function loadAverage(): number;
