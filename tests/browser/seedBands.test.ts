import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, CLI } from '../support/cliBuild';
import type { SeedBandRecord } from '../../src/record/seedBandRecord';
import { openApp, screenshot, serveBuiltApp } from './support/app';

const app = serveBuiltApp();

beforeAll(buildCliOnce, 120_000);

/** A deep narrow ReLU net with He init: its band is wide (Hanin's beta = 12 / 8 = 1.5). */
const NARROW = '#layers=8x12&act=relu&init=heNormal&bias=0&view=signal';

function cliBands(link: string, seeds: number): SeedBandRecord {
  const result = spawnSync('node', [CLI, '--link', link, '--seeds', String(seeds)], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SeedBandRecord;
}

/** The table's numbers: per layer row, [median, p10, p90] of run A. */
async function tableNumbers(page: import('playwright-core').Page): Promise<number[][]> {
  return page
    .getByTestId('seed-band-table')
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('td[data-run="a"]')].map((cell) => Number(cell.textContent)),
      ),
    );
}

/**
 * The page rounds to 4 significant digits (relative error at most 5e-4). On the cpu backend the
 * page and the CLI run the same float32 kernels, so 1e-3 relative covers it; on WebGL
 * (SwiftShader) float32 matmuls and reductions differ from cpu by ~1e-6 relative per op, which
 * 12 layers keep well inside 1e-2.
 */
function expectClose(page: number[][], cli: SeedBandRecord, relTol: number) {
  const run = cli.runs[0]!;
  expect(page.length).toBe(run.layers.length);
  for (const [l, [median, low, high]] of page.entries()) {
    const want = [run.median.signalNorm[l]!, run.p10.signalNorm[l]!, run.p90.signalNorm[l]!];
    for (const [i, got] of [median!, low!, high!].entries()) {
      expect(Math.abs(got - want[i]!) / want[i]!).toBeLessThan(relTol);
    }
  }
}

describe('seed bands', () => {
  it('a seeds link opens the band view, measures N seeds, and its table matches the CLI (cpu)', async () => {
    const { page, errors } = await openApp(app, `${NARROW}&seeds=8&backend=cpu`);
    await page.getByTestId('seed-band-panel').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('seed-progress-text').textContent(), { timeout: 60_000 })
      .toMatch(/8 of 8 seeds/);
    // One run: one band and one median line over the 13 layers (12 hidden and the output).
    await expect(page.getByTestId('seed-band-area').count()).resolves.toBe(1);
    await expect(page.getByTestId('seed-band-median').count()).resolves.toBe(1);
    await expect(page.getByTestId('seed-band-note').textContent()).resolves.toMatch(
      /10th–90th percentile \(linear\) of seeds 1–8/,
    );
    await expect(page.getByTestId('seed-band-beta-a').textContent()).resolves.toMatch(
      /β = Σ 1\/width = 1\.5/,
    );
    await screenshot(page, 'seed-bands-narrow');
    await page.getByTestId('seed-table-toggle').click();
    const numbers = await tableNumbers(page);
    expectClose(numbers, cliBands(NARROW, 8), 1e-3);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('compared runs get a band each; narrow vs wide, the narrow band is wider; the tab writes seeds into the link', async () => {
    const { page, errors } = await openApp(
      app,
      '#layers=8x12&act=relu&init=heNormal&bias=0&view=signal&b.layers=64x12',
    );
    await page.getByTestId('open-seed-bands').click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000 })
      .toMatch(/&seeds=8/);
    await expect
      .poll(() => page.getByTestId('seed-progress-text').textContent(), { timeout: 90_000 })
      .toMatch(/16 of 16 seeds/);
    await expect(page.getByTestId('seed-band-area').count()).resolves.toBe(2);
    await page.getByTestId('seed-table-toggle').click();
    // The input layer's band, p90 / p10, per run.
    const widths = await page.getByTestId('seed-band-table').evaluate((table) => {
      const row = table.querySelector('tbody tr')!;
      const num = (run: string, stat: string) =>
        Number(row.querySelector(`td[data-run="${run}"][data-stat="${stat}"]`)!.textContent);
      return { a: num('a', 'high') / num('a', 'low'), b: num('b', 'high') / num('b', 'low') };
    });
    expect(widths.a).toBeGreaterThan(widths.b);
    await page.getByTestId('seed-table-toggle').click();
    await screenshot(page, 'seed-bands-compare');
    await page.getByRole('button', { name: 'Live charts' }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000 })
      .not.toMatch(/seeds=/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
