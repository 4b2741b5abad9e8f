import { describe, expect, it } from 'vitest';
import { openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

/** The axis titles a person reads on each chart card, by test id (in any order). */
async function axisTitles(page: import('playwright-core').Page, testId: string) {
  return (await page.getByTestId(testId).locator('.recharts-label').allTextContents()).sort();
}

/** The titles expected, in the order axisTitles lists them. */
const titles = (...expected: string[]) => expected.sort();

describe('charts say what they show', () => {
  it('every line chart has axis titles with their scale; the heatmap says what its colours mean', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    expect(await axisTitles(page, 'grad-norm-chart')).toEqual(
      titles('training step', 'gradient norm (log)'),
    );
    expect(await axisTitles(page, 'depth-profile')).toEqual(
      titles('layer (input → output)', 'gradient norm (log)'),
    );
    expect(await axisTitles(page, 'loss-chart')).toEqual(titles('training step', 'loss (log)'));
    expect(await axisTitles(page, 'weight-norm-chart')).toEqual(
      titles('training step', 'weight norm (log)'),
    );
    await expect(page.getByTestId('grad-heatmap').textContent()).resolves.toContain(
      'colour: gradient norm, log scale',
    );
    await page.getByRole('radio', { name: 'Backpropagated signal' }).check();
    await expect
      .poll(() => axisTitles(page, 'grad-norm-chart'))
      .toEqual(titles('training step', 'signal norm (log)'));
    await screenshot(page, 'axis-titles');
    // At 1366x768 the short cards (depth profile, loss, weight norms) still show every axis
    // title whole: each title lies inside its chart's drawing.
    const cutTitles = await page.evaluate(() =>
      [...document.querySelectorAll('.recharts-label')].flatMap((label) => {
        const svg = label.closest('svg')!.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        const inside =
          box.top >= svg.top - 0.5 &&
          box.bottom <= svg.bottom + 0.5 &&
          box.left >= svg.left - 0.5 &&
          box.right <= svg.right + 0.5;
        return inside ? [] : [`${label.textContent} ${JSON.stringify([box, svg])}`];
      }),
    );
    expect(cutTitles).toEqual([]);
    // The Live charts / Regime map tabs sit above the charts, inset from the column's edge.
    const tabs = (await page.locator('.view-tabs').boundingBox())!;
    const firstTab = (await page.locator('.view-tabs button').first().boundingBox())!;
    const charts = (await page.locator('.charts-layout').boundingBox())!;
    expect(tabs.y + tabs.height).toBeLessThanOrEqual(charts.y + 0.5);
    expect(firstTab.x).toBeGreaterThan(tabs.x);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
