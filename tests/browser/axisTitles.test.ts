import { describe, expect, it } from 'vitest';
import { openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

/** The axis titles a person reads on each chart card, by test id. */
async function axisTitles(page: import('playwright-core').Page, testId: string) {
  return page.getByTestId(testId).locator('.recharts-label').allTextContents();
}

describe('charts say what they show', () => {
  it('every line chart has axis titles with their scale; the heatmap says what its colours mean', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    expect(await axisTitles(page, 'grad-norm-chart')).toEqual([
      'training step',
      'gradient norm (log)',
    ]);
    expect(await axisTitles(page, 'depth-profile')).toEqual([
      'layer (input → output)',
      'gradient norm (log)',
    ]);
    expect(await axisTitles(page, 'loss-chart')).toEqual(['training step', 'loss (log)']);
    expect(await axisTitles(page, 'weight-norm-chart')).toEqual([
      'training step',
      'weight norm (log)',
    ]);
    await expect(page.getByTestId('grad-heatmap').textContent()).resolves.toContain(
      'colour: gradient norm, log scale',
    );
    await page.getByRole('radio', { name: 'Backpropagated signal' }).check();
    await expect
      .poll(() => axisTitles(page, 'grad-norm-chart'))
      .toEqual(['training step', 'signal norm (log)']);
    await screenshot(page, 'axis-titles');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
