import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { recordRun } from '../../../src/record/recordRun';
import { TEST_LOSS_EVERY_STEPS } from '../../../src/record/runRecord';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

describe('the run record carries the test loss, as the page draws it', () => {
  const config = decodeConfig('#data=circles&layers=8x2&test=0.2').config;

  it(`holds the test loss every ${TEST_LOSS_EVERY_STEPS} steps, finite, on the weights after that step`, async () => {
    const record = await recordRun(config, { steps: 60 });
    expect(record.testLoss?.map((p) => p.step)).toEqual([25, 50]);
    for (const point of record.testLoss ?? []) expect(Number.isFinite(point.loss)).toBe(true);
  });

  it('does not depend on how the run is read back', async () => {
    const a = await recordRun(config, { steps: 60 });
    const b = await recordRun(config, { steps: 60, stepsPerReadback: 7 });
    expect(b.testLoss).toEqual(a.testLoss);
    expect(b.steps).toEqual(a.steps);
  });

  it('is left out without a test set', async () => {
    const noTest = decodeConfig('#data=circles&layers=8x2&test=0').config;
    const record = await recordRun(noTest, { steps: 30 });
    expect(record.testLoss).toBeUndefined();
  });
});
