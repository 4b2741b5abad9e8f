import { describe, expect, it } from 'vitest';
import { cpuPerStep, type ThreadSnapshot } from '../../../scripts/bench/threadCpu.mjs';

const MS = 1e6; // schedstat counts nanoseconds

/** A reading of a browser (pid 1), a GPU process (2) and two renderers (3: the page, 4: idle). */
function reading(at: number, scale: number): ThreadSnapshot {
  const t = (comm: string, runMs: number, waitMs: number) => ({
    comm,
    runNs: runMs * scale * MS,
    waitNs: waitMs * scale * MS,
  });
  return {
    at,
    processes: [
      { pid: 1, role: 'browser', threads: { '1': t('chromium', 10, 1) } },
      {
        pid: 2,
        role: 'gpu-process',
        threads: { '2': t('chromium', 5, 0), '20': t('VizCompositorTh', 7, 2) },
      },
      {
        pid: 3,
        role: 'renderer',
        threads: {
          '3': t('chromium', 40, 8),
          '30': t('DedicatedWorker', 200, 50),
          '31': t('Compositor', 6, 1),
          '32': t('ThreadPoolForeg', 4, 3),
        },
      },
      {
        pid: 4,
        role: 'renderer',
        threads: { '4': t('chromium', 3, 0), '40': t('DedicatedWorker', 1, 0) },
      },
      { pid: 5, role: 'utility', threads: { '5': t('chromium', 2, 0) } },
    ],
  };
}

describe('cpuPerStep', () => {
  // Between the readings every counter doubles, so each thread's delta is its figure above.
  const before = reading(1000, 1);
  const after = reading(1500, 2);

  it('splits the page renderer into worker, main thread and the rest, per step', () => {
    const figures = cpuPerStep(before, after, 10);
    expect(figures.worker).toEqual({ cpuMs: 20, waitMs: 5 });
    expect(figures.rendererMain).toEqual({ cpuMs: 4, waitMs: 0.8 });
    expect(figures.rendererOther.cpuMs).toBeCloseTo(1); // (6 + 4) / 10
    expect(figures.rendererOther.waitMs).toBeCloseTo(0.4);
  });

  it('counts the GPU and browser processes whole, and the idle renderer and utility as other', () => {
    const figures = cpuPerStep(before, after, 10);
    expect(figures.gpu.cpuMs).toBeCloseTo(1.2);
    expect(figures.browser.cpuMs).toBeCloseTo(1);
    expect(figures.other.cpuMs).toBeCloseTo(0.6); // (3 + 1 + 2) / 10
    expect(figures.totalCpuMs).toBeCloseTo(27.8); // 278 ms of CPU over 10 steps
    expect(figures.wallMs).toBe(50);
    // 50 ms per step of wall time: the worker ran 20 and waited for a core 5, so it slept 25.
    expect(figures.workerIdleMs).toBeCloseTo(25);
  });

  it('takes the renderer whose main thread ran most when training runs on the main thread', () => {
    const figures = cpuPerStep(before, after, 10, { trainsIn: 'main' });
    expect(figures.rendererMain.cpuMs).toBe(4);
    expect(figures.worker.cpuMs).toBe(20); // the page's worker is still in the page renderer
  });

  it('counts a thread born between the readings from zero', () => {
    const later = reading(1500, 2);
    later.processes[2]!.threads['33'] = { comm: 'ThreadPoolForeg', runNs: 30 * MS, waitNs: 0 };
    expect(cpuPerStep(before, later, 10).rendererOther.cpuMs).toBeCloseTo(4);
  });

  it('has no per-step figures when no step was trained', () => {
    expect(cpuPerStep(before, after, 0).worker.cpuMs).toBeNull();
  });
});
