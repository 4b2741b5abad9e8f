import { describe, expect, it } from 'vitest';
import { drawnLines, openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

describe('smoothing the gradient lines', () => {
  it('the slider smooths the lines, keeps the measured ones faint behind, and travels in the link', async () => {
    const { page, errors } = await openApp(app, '#layers=8x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const slider = page.getByTestId('grad-norm-chart').getByRole('slider', { name: 'Smoothing' });
    expect(await slider.inputValue()).toBe('0');
    await expect
      .poll(async () => (await drawnLines(page, 'grad-norm-chart'))?.keys, { timeout: 30_000 })
      .toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
    await slider.fill('0.6');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .toMatch(/&smooth=0\.6(&|$)/);
    await expect
      .poll(async () => (await drawnLines(page, 'grad-norm-chart'))?.keys.length, {
        timeout: 30_000,
      })
      .toBe(10);
    expect((await drawnLines(page, 'grad-norm-chart'))!.keys).toContain('l0~raw');
    await expect(
      page.getByTestId('grad-norm-chart').locator('.chart-smoothing output').textContent(),
    ).resolves.toBe('0.60');
    await page.screenshot({ path: '/tmp/charts-smoothing.png' });
    // Back to 0: off, and the key leaves the link.
    await slider.fill('0');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .not.toMatch(/smooth=/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link with smooth= opens with that smoothing; a bad one is repaired with a notice', async () => {
    const { page } = await openApp(app, '#layers=8x4&smooth=0.85');
    const slider = page.getByTestId('grad-norm-chart').getByRole('slider', { name: 'Smoothing' });
    expect(await slider.inputValue()).toBe('0.85');
    await page.goto('about:blank');
    await page.goto(`${app.url}#layers=8x4&smooth=7`);
    await expect
      .poll(() => page.getByTestId('repair-notice').textContent(), { timeout: 30_000 })
      .toContain('smooth: "7" is above the maximum 0.99; set to 0.99');
    expect(await slider.inputValue()).toBe('0.99');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('smooth=0.99');
    await page.context().close();
  });
});
