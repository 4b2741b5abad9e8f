import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeExperimentLink } from '../../src/config/variants';
import {
  parseRunRecordJson,
  parseRunRecordSetJson,
  type RunRecord,
} from '../../src/record/runRecord';
import { currentStep, history, openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

/** What a run record holds at its top level: the CLI's fields, and a page export's coverage. */
const RECORD_FIELDS = [
  'version',
  'link',
  'variant',
  'config',
  'backend',
  'loss',
  'l1',
  'l2',
  'gradScale',
  'clip',
  'layers',
  'steps',
  'events',
  'testLoss',
  'coverage',
];
/** One step of a record without distributions (src/engine/metrics.ts, StepMetrics). */
const STEP_FIELDS = [
  'clipped',
  'clippedGlobalNorm',
  'clippedGradNorm',
  'globalNorm',
  'gradNorm',
  'loss',
  'signalNorm',
  'step',
  'weightNorm',
];

/** Chooses `option` in the Export menu and returns the downloaded file's name and text. */
async function exportFile(page: Page, option: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('export-menu').selectOption(option),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Trains `times` x 10 steps with the Step x10 button and waits until the charts show them. */
async function stepTens(page: Page, times: number): Promise<void> {
  for (let i = 1; i <= times; i++) {
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10 * i);
  }
  // The charts' summary names the step they draw once the throttled history has reached them.
  await page
    .getByTestId('grad-norm-chart')
    .or(page.getByTestId('grad-norm-chart-a'))
    .locator('.chart-sr-only')
    .filter({ hasText: `Step ${10 * times}:` })
    .waitFor({ timeout: 60_000 });
}

function expectCliShape(record: RunRecord): void {
  for (const key of Object.keys(record)) expect(RECORD_FIELDS, key).toContain(key);
  for (const step of record.steps) expect(Object.keys(step).sort()).toEqual(STEP_FIELDS);
  expect(record.version).toBe(1);
  // The link reproduces the config, as `simulate --link` would read it.
  const { base, repairs } = decodeExperimentLink(record.link);
  expect(repairs).toEqual([]);
  if (record.variant === 'a') expect(base).toEqual(record.config);
}

describe('exporting from the page', () => {
  it('the JSON record holds every step on screen, with the numbers the chart names', async () => {
    const { page, errors, foreignRequests } = await openApp(app, '#layers=16x4&act=tanh');
    await stepTens(page, 3);
    const shownStep = await currentStep(page);
    expect(shownStep).toBe(30);

    const { name, text } = await exportFile(page, 'json');
    expect(name).toBe('gradscope-a-step30.json');
    const record = parseRunRecordJson(text);
    expectCliShape(record);
    expect(record.variant).toBe('a');
    expect(record.layers.map((l) => l.name)).toEqual([
      'hidden1',
      'hidden2',
      'hidden3',
      'hidden4',
      'output',
    ]);
    expect(record.backend).toBe(
      await page.getByTestId('backend-badge').getAttribute('data-backend'),
    );
    expect(record.steps.map((s) => s.step)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(record.coverage).toMatchObject({ trained: 30, included: 30, everyStep: true });

    // The chart's text alternative names the largest and smallest layer norm of the last step.
    const summary = await page
      .getByTestId('grad-norm-chart')
      .locator('.chart-sr-only')
      .textContent();
    const last = record.steps.at(-1)!;
    const largest = Math.max(...last.gradNorm);
    const smallest = Math.min(...last.gradNorm);
    const names = record.layers.map((l) => l.name);
    expect(summary).toBe(
      `Step 30: largest ${largest.toPrecision(4)} in ${names[last.gradNorm.indexOf(largest)]}, ` +
        `smallest ${smallest.toPrecision(4)} in ${names[last.gradNorm.indexOf(smallest)]}.`,
    );
    // And every number is the page's own, unrounded.
    const kept = await history(page);
    expect(record.steps.map((s) => s.gradNorm)).toEqual(kept.map((s) => s.gradNorm));
    expect(record.steps.map((s) => s.globalNorm)).toEqual(kept.map((s) => s.globalNorm));
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('with compared runs, JSON holds one record per run and CSV the CLI header with a run column', async () => {
    const { page, errors } = await openApp(app, '#layers=8x3&act=relu&b.clip=globalNorm:1');
    await stepTens(page, 2);

    const json = await exportFile(page, 'json');
    expect(json.name).toBe('gradscope-a-b-step20.json');
    const set = parseRunRecordSetJson(json.text);
    expect(set.runs.map((r) => r.variant)).toEqual(['a', 'b']);
    for (const record of set.runs) {
      expectCliShape(record);
      expect(record.steps).toHaveLength(20);
    }
    expect(set.runs[1]!.clip).toEqual({ mode: 'globalNorm', threshold: 1 });
    // Same initial weights and batches: step 1's loss is A's (clipping acts after it).
    expect(set.runs[1]!.steps[0]!.loss).toBe(set.runs[0]!.steps[0]!.loss);

    const csv = await exportFile(page, 'csv');
    expect(csv.name).toBe('gradscope-a-b-step20.csv');
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# gradscope run records v1 backend=\w+ runs=a,b link=#/);
    const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
    const layers = ['hidden1', 'hidden2', 'hidden3', 'output'];
    expect(rows[0]).toEqual([
      'run',
      'step',
      'loss',
      'globalNorm',
      'clippedGlobalNorm',
      'clipped',
      ...['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'].flatMap((q) =>
        layers.map((l) => `${q}_${l}`),
      ),
    ]);
    expect(rows.slice(1)).toHaveLength(40);
    // Each row's numbers are the JSON's.
    for (const row of rows.slice(1)) {
      const record = set.runs.find((r) => r.variant === row[0])!;
      const step = record.steps[Number(row[1]) - 1]!;
      expect(Number(row[3])).toBe(step.globalNorm);
      expect(row.slice(6, 10).map(Number)).toEqual(step.gradNorm);
    }
    expect(lines.filter((l) => l.startsWith('# steps run='))).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
