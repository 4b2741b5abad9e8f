/**
 * Recurrent mode on the page: a model=rnn link opens without a repair, trains, and draws what a
 * person reads off the screen: ||dL/dh_t|| at every one of the T time steps, a heatmap with one
 * row per time step, the gradient of each named weight tensor, and the spectral radius of W_h.
 * The model and cell controls rewrite the link.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentStep, openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

const T = 12;

/** The heatmap readout at the middle of the row of time step `t` (t = 1 is the bottom row). */
async function heatmapReadoutAt(page: Page, t: number): Promise<string> {
  const plot = page.getByTestId('time-heatmap').locator('.heatmap-plot');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + (box.height * (T - t + 0.5)) / T);
  return (await page.getByTestId('heatmap-readout').textContent()) ?? '';
}

describe('a recurrent link on the page', () => {
  it('trains and draws the time profile, the time-step heatmap and the per-tensor gradients', async () => {
    const { page, errors } = await openApp(
      app,
      `#model=rnn&cell=rnn&T=${T}&units=16&act=tanh&rinit=orthogonal:1&lr=0.01`,
    );
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10, 120_000);
    expect(await page.getByTestId('repair-notice').count()).toBe(0);

    // The time profile: one value per time step, t = 1 first, in its table view.
    const profile = page.getByTestId('time-profile');
    await profile.getByRole('button', { name: /Table/ }).click();
    const rows = profile.getByTestId('chart-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(T);
    expect(await rows.first().locator('th').textContent()).toBe('t = 1');
    expect(await rows.last().locator('th').textContent()).toBe(`t = ${T}`);
    const values = await rows.locator('td').allTextContents();
    expect(values.every((v) => Number(v) > 0)).toBe(true);
    // W_h = Q orthogonal: every eigenvalue has modulus 1, measured before step 1.
    expect(await profile.getByTestId('spectral-radius').textContent()).toMatch(
      /spectral radius of W_h ≈ 1(\.0+)? \(step 1\)/,
    );

    // The heatmap: T rows, t = 1 at the bottom and t = T on top.
    const heatmap = page.getByTestId('time-heatmap');
    expect(await heatmap.textContent()).toContain(`t = ${T}`);
    expect(await heatmapReadoutAt(page, 1)).toMatch(/^t = 1, step/);
    expect(await heatmapReadoutAt(page, 5)).toMatch(/^t = 5, step/);
    expect(await heatmapReadoutAt(page, T)).toMatch(new RegExp(`^t = ${T}, step`));

    // The gradient chart names each weight tensor of the vanilla cell.
    const legend = (await page.getByTestId('grad-norm-chart').textContent()) ?? '';
    for (const name of ['W_x', 'W_h', 'b_h', 'W_y', 'b_y']) expect(legend).toContain(name);
    await screenshot(page, 'recurrent-link');

    // Switching the cell rewrites the link and retrains: the LSTM's gates are named.
    await page.getByRole('combobox', { name: 'Cell' }).selectOption('lstm');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .toMatch(/[&#]cell=lstm/);
    // The run restarts from step 0 with the new cell.
    await expect.poll(() => currentStep(page), { timeout: 60_000 }).toBe(0);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10, 120_000);
    const chart = page.getByTestId('grad-norm-chart');
    await chart.getByRole('button', { name: /Table/ }).click();
    const names = await chart.getByTestId('chart-table').locator('tbody th').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['W_xi', 'W_hf', 'b_g', 'W_ho', 'W_y']));
    // Gated cells have no single recurrent matrix, so no spectral radius is claimed.
    expect(await profile.getByTestId('spectral-radius').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('the model control switches between the feed-forward and the recurrent network', async () => {
    const { page, errors } = await openApp(app, '#act=tanh');
    const model = page.getByRole('combobox', { name: 'Model' });
    await model.selectOption('rnn');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .toMatch(/[&#]model=rnn/);
    await page.getByTestId('time-profile').waitFor({ timeout: 60_000 });
    // Layer-only controls give way to the recurrent ones, with a reason.
    expect(await page.getByRole('slider', { name: 'Depth' }).count()).toBe(0);
    await page.getByText('feed-forward settings', { exact: false }).waitFor();
    await model.selectOption('mlp');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .not.toMatch(/model=/);
    await page.getByTestId('depth-profile').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
