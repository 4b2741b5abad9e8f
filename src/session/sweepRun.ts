/**
 * One sweep in progress: its cells are measured a few at a time, so each request to the host
 * is short (a training chunk never waits long behind it), progress is reported after each, and
 * cancel() stops the sweep at the end of the request under way.
 */
import type { ExperimentConfig } from '../config/schema';
import type { CellMeasure } from '../config/sweepCell';

/** Aim for requests of about this long: progress moves several times a second. */
const TARGET_REQUEST_MS = 150;
const MAX_CELLS_PER_REQUEST = 32;

export type MeasureCells<M extends CellMeasure = CellMeasure> = (
  configs: ExperimentConfig[],
  steps: number,
) => Promise<M[]>;

export type SweepOutcome = 'done' | 'cancelled';

/** M: what each cell gives (the seed bands read the step-1 profile of CellProfile). */
export class SweepRun<M extends CellMeasure = CellMeasure> {
  private cancelled = false;
  /** The cells measured so far, in grid order; null where not yet measured. */
  readonly cells: (M | null)[];

  constructor(
    private readonly measure: MeasureCells<M>,
    private readonly configs: readonly ExperimentConfig[],
    private readonly steps: number,
    private readonly onProgress: (done: number, cells: readonly (M | null)[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.cells = configs.map(() => null);
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Measures every cell in order, unless cancelled first; rejects with the host's error. */
  async run(): Promise<SweepOutcome> {
    let next = 0;
    // The first request is one cell: it shows progress at once and times a cell.
    let perRequest = 1;
    while (next < this.configs.length) {
      if (this.cancelled) return 'cancelled';
      const batch = this.configs.slice(next, next + perRequest);
      const started = this.now();
      const measured = await this.measure([...batch], this.steps);
      const elapsed = Math.max(1, this.now() - started);
      if (this.cancelled) return 'cancelled';
      for (const [i, cell] of measured.entries()) this.cells[next + i] = cell;
      next += batch.length;
      this.onProgress(next, this.cells);
      const perCellMs = elapsed / batch.length;
      perRequest = Math.max(
        1,
        Math.min(MAX_CELLS_PER_REQUEST, Math.floor(TARGET_REQUEST_MS / perCellMs)),
      );
    }
    return 'done';
  }
}
