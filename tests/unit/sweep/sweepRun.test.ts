import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../../src/config/schema';
import type { CellMeasure } from '../../../src/config/sweepCell';
import { SweepRun } from '../../../src/session/sweepRun';

const CELL: CellMeasure = {
  logSlope: 0,
  globalNorm: 1,
  loss: 1,
  stepsSurvived: 1,
  haltedStep: null,
  clippedShare: 0,
  meanClipFactor: 1,
};

const configs = (n: number): ExperimentConfig[] => Array.from({ length: n }, () => DEFAULT_CONFIG);

/** A host whose every request waits until the test lets it go, on a clock the test moves. */
function gatedHost() {
  const calls: number[] = [];
  let release: () => void = () => {};
  let clock = 0;
  const measure = (batch: ExperimentConfig[]) => {
    calls.push(batch.length);
    return new Promise<CellMeasure[]>((resolve) => {
      release = () => {
        clock += 10 * batch.length; // 10 ms a cell
        resolve(batch.map(() => CELL));
      };
    });
  };
  return { calls, measure, now: () => clock, release: () => release() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SweepRun', () => {
  it('measures one cell first, then requests of about 150 ms, reporting progress after each', async () => {
    const host = gatedHost();
    const progress: number[] = [];
    const run = new SweepRun(host.measure, configs(40), 1, (done) => progress.push(done), host.now);
    const outcome = run.run();
    for (let i = 0; i < 5 && host.calls.length > progress.length; i++) {
      host.release();
      await settle();
    }
    await expect(outcome).resolves.toBe('done');
    expect(host.calls[0]).toBe(1);
    expect(host.calls[1]).toBe(15); // 150 ms at 10 ms a cell
    expect(progress).toEqual([1, 16, 31, 40]);
    expect(run.cells.every((c) => c !== null)).toBe(true);
  });

  it('cancel stops it at the end of the request under way: no more requests, the cells so far kept', async () => {
    const host = gatedHost();
    const progress: number[] = [];
    const run = new SweepRun(host.measure, configs(40), 1, (done) => progress.push(done), host.now);
    const outcome = run.run();
    host.release();
    await settle();
    expect(host.calls).toEqual([1, 15]);
    run.cancel();
    host.release(); // the request under way lands after the cancel
    await expect(outcome).resolves.toBe('cancelled');
    await settle();
    expect(host.calls).toEqual([1, 15]);
    expect(progress).toEqual([1]);
    expect(run.cells.filter((c) => c !== null)).toHaveLength(1);
  });

  it("a host's error rejects the sweep", async () => {
    const run = new SweepRun(
      () => Promise.reject(new Error('worker gone')),
      configs(3),
      1,
      () => {},
    );
    await expect(run.run()).rejects.toThrow('worker gone');
  });
});
