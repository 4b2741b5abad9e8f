/**
 * The CSV of a vanilla recurrent run carries W_h's spectral radius, as its JSON record does:
 * a `spectralRadius` column after the others, filled on the steps that measured it (the first
 * of each readback chunk) and blank on the rest. Feed-forward tables keep their columns.
 */
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { recordRun } from '../../../src/record/recordRun';
import type { RunRecord } from '../../../src/record/runRecord';
import { runRecordsToCsv, runRecordToCsv } from '../../../src/record/runRecordCsv';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** rinit=orthogonal:g makes W_h = g Q, every eigenvalue of modulus g: the radius at step 1 is g. */
const GAIN = 1.4;
const RNN_LINK = `#model=rnn&cell=rnn&T=4&units=6&batch=8&n=40&rinit=orthogonal:${GAIN}`;
const MLP_LINK = '#v=1&layers=4x2&batch=8&n=40';

async function run(link: string, steps: number): Promise<RunRecord> {
  const { config, repairs } = decodeConfig(link);
  expect(repairs).toEqual([]);
  // Chunks of 2 steps: steps 1, 3, 5 open a chunk and measure the radius.
  return recordRun(config, { steps, link, stepsPerReadback: 2 });
}

/** The CSV's rows as header name -> cell, for the rows (not the comment lines). */
function table(csv: string): Record<string, string>[] {
  const lines = csv.trimEnd().split('\n');
  const header = lines[1]!.split(',');
  return lines
    .slice(2)
    .filter((line) => !line.startsWith('#'))
    .map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i]!, cell])));
}

describe('the spectralRadius CSV column', () => {
  it("holds the record's spectral radius on the steps that measured it, blank on the others", async () => {
    const record = await run(RNN_LINK, 5);
    const measured = record.steps.map((s) => s.spectralRadius);
    expect(measured.map((r) => r !== undefined)).toEqual([true, false, true, false, true]);
    expect(measured[0]).toBeCloseTo(GAIN, 4);

    const csv = runRecordToCsv(record);
    expect(csv.split('\n')[1]!.split(',').at(-1)).toBe('spectralRadius');
    const rows = table(csv);
    expect(rows).toHaveLength(5);
    rows.forEach((row, i) => {
      const radius = measured[i];
      expect(row.step).toBe(String(i + 1));
      if (radius === undefined) expect(row.spectralRadius).toBe('');
      else expect(Number(row.spectralRadius)).toBe(radius);
    });
  });

  it('appears in a table of several runs when one of them measured it, blank for the others', async () => {
    const rnn = await run(RNN_LINK, 3);
    const mlp = { ...(await run(MLP_LINK, 3)), variant: 'b' as const };
    const rows = table(runRecordsToCsv([rnn, mlp]));
    expect(rows.filter((r) => r.run === 'a').map((r) => r.spectralRadius)).toEqual(
      rnn.steps.map((s) => (s.spectralRadius === undefined ? '' : String(s.spectralRadius))),
    );
    expect(rows.filter((r) => r.run === 'b').map((r) => r.spectralRadius)).toEqual(['', '', '']);
  });

  it('a feed-forward table has no spectralRadius column (its columns are as before)', async () => {
    const header = runRecordToCsv(await run(MLP_LINK, 2))
      .split('\n')[1]!
      .split(',');
    expect(header).not.toContain('spectralRadius');
    expect(header.at(-1)).toBe('clipCosine');
  });
});
