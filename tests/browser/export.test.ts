import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, CLI } from '../support/cliBuild';
import { decodeExperimentLink } from '../../src/config/variants';
import {
  parseRunRecordJson,
  parseRunRecordSetJson,
  type RunRecord,
} from '../../src/record/runRecord';
import { currentStep, history, openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

beforeAll(buildCliOnce, 120_000);

/** The record the CLI writes for `link` after `steps` steps (cpu backend, in Node). */
function cliRecord(link: string, steps: number): RunRecord {
  const result = spawnSync('node', [CLI, '--link', link, '--steps', String(steps)], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return parseRunRecordJson(result.stdout);
}

/** Every key path of a JSON value, arrays read through their first element. */
function shapeOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? shapeOf(value[0], `${path}[]`) : [path];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => shapeOf(v, `${path}.${key}`));
  return [`${path}:${typeof value}`];
}

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
  'clipCosine',
  'clipThreshold',
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

/** Runs `action` and returns the file it downloads: its name and bytes. */
async function downloaded(
  page: Page,
  action: () => Promise<unknown>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    action(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Chooses `option` in the Export menu and returns the downloaded file's name and text. */
async function exportFile(page: Page, option: string): Promise<{ name: string; text: string }> {
  const file = await downloaded(page, () => page.getByTestId('export-menu').selectOption(option));
  return { name: file.name, text: file.bytes.toString('utf8') };
}

/** Width and height from a PNG's IHDR chunk, after checking its signature (PNG spec, 5.2, 11.2.2). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface DecodedPicture {
  width: number;
  height: number;
  /** Share of pixels in a saturated colour (the series lines, swatches, heatmap). */
  colouredShare: number;
  /** Share of dark pixels (text) in the top 8% of the picture, where the title is. */
  darkShareInTitle: number;
}

/** Decodes a PNG in the page, as an <img> would show it, and measures what it paints. */
function decodeInPage(page: Page, bytes: Buffer): Promise<DecodedPicture> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let coloured = 0;
    let darkInTitle = 0;
    const titleRows = Math.round(height * 0.08);
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      if (i / 4 < titleRows * width && r + g + b < 200) darkInTitle++;
    }
    return {
      width: image.naturalWidth,
      height: image.naturalHeight,
      colouredShare: coloured / (width * height),
      darkShareInTitle: darkInTitle / (titleRows * width),
    };
  }, bytes.toString('base64'));
}

/** The CSS size of the element with `selector`, times 2: the size of its exported picture. */
async function doubledSize(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  return { width: Math.round(box!.width * 2), height: Math.round(box!.height * 2) };
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
    expect(summary).toContain(
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
      'clipThreshold',
      'clipCosine',
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

  it('saves a chart, and the whole chart panel, as PNGs at twice their size with lines and text', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&act=tanh');
    await stepTens(page, 3);

    const chart = await downloaded(page, () => page.getByTestId('png-grad-norm-chart').click());
    expect(chart.name).toBe('gradscope-a-step30-grad-norm-chart.png');
    const chartSize = await doubledSize(page, '[data-testid="grad-norm-chart"]');
    expect(pngSize(chart.bytes)).toEqual(chartSize);
    const chartPicture = await decodeInPage(page, chart.bytes);
    expect({ width: chartPicture.width, height: chartPicture.height }).toEqual(chartSize);
    // The legend's five swatches alone colour ~0.3% of it; the five layer lines (the canvas
    // inside the chart's SVG) several times that. The dark title text is on top.
    expect(chartPicture.colouredShare).toBeGreaterThan(0.02);
    expect(chartPicture.darkShareInTitle).toBeGreaterThan(0.005);

    const panel = await downloaded(page, () => page.getByTestId('export-menu').selectOption('png'));
    expect(panel.name).toBe('gradscope-a-step30-charts.png');
    const panelSize = await doubledSize(page, '.charts-panel');
    expect(pngSize(panel.bytes)).toEqual(panelSize);
    const panelPicture = await decodeInPage(page, panel.bytes);
    expect({ width: panelPicture.width, height: panelPicture.height }).toEqual(panelSize);
    // The heatmap and the prediction map alone fill much of it with colour.
    expect(panelPicture.colouredShare).toBeGreaterThan(0.05);
    expect(errors).toEqual([]);
  });

  it("on the cpu backend, the page's record is the CLI's record of its link, plus its coverage", async () => {
    const { page } = await openApp(app, '#layers=16x4&act=tanh&batch=8&backend=cpu');
    await stepTens(page, 2);
    const page20 = parseRunRecordJson((await exportFile(page, 'json')).text);
    const cli20 = cliRecord(page20.link, 20);
    const { coverage, testLoss: pageTestLoss, ...pageRest } = page20;
    const { testLoss: cliTestLoss, ...cliRest } = cli20;
    expect(coverage).toMatchObject({ trained: 20, everyStep: true });
    // The same fields of the same types all the way down (the test loss is taken at other
    // steps on the page, every 25 steps as it trains, so this short run has none there).
    expect(shapeOf(pageRest).sort()).toEqual(shapeOf(cliRest).sort());
    expect(cliTestLoss).toBeUndefined();
    expect(pageTestLoss).toBeUndefined();
    expect(pageRest.config).toEqual(cliRest.config);
    expect(pageRest.layers).toEqual(cliRest.layers);
    // tfjs's cpu backend in Chromium and in Node: the same float32 arithmetic, so the same
    // numbers up to the rounding of transcendental functions (1e-5 relative is generous).
    for (const [i, step] of pageRest.steps.entries()) {
      const cli = cliRest.steps[i]!;
      expect(step.step).toBe(cli.step);
      expect(step.loss).toBeCloseTo(cli.loss, 5);
      for (const [l, norm] of step.gradNorm.entries())
        expect(Math.abs(norm - cli.gradNorm[l]!) / cli.gradNorm[l]!).toBeLessThan(1e-5);
    }
  });
});
