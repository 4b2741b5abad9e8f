import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/codec';
import {
  drawnLines,
  history,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
} from './support/app';

const app = serveBuiltApp();

const AUTO_LINK = '#layers=16x4&act=tanh&lr=0.5&batch=16&clip=auto:20';

describe('clipping in the page', () => {
  it('opens clip=auto:p with its percentile slider, draws the moving threshold and says what clipping did', async () => {
    const { page, errors } = await openApp(app, AUTO_LINK);
    await expect(page.getByRole('combobox', { name: 'Clip mode' }).inputValue()).resolves.toBe(
      'auto',
    );
    const percentile = page.getByRole('spinbutton', { name: /Clip percentile p/ });
    await expect(percentile.inputValue()).resolves.toBe('20');
    await expect(page.getByRole('spinbutton', { name: /Clip threshold/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const chart = page.getByTestId('grad-norm-chart');
    await expect
      .poll(() => chart.textContent(), { timeout: 30_000 })
      .toContain('AutoClip threshold: percentile p = 20 of the global norms so far');
    await expect
      .poll(async () => (await drawnLines(page, 'grad-norm-chart'))?.keys ?? [], {
        timeout: 30_000,
      })
      .toContain('threshold');

    // The share of clipped steps agrees with the run's own numbers.
    const steps = await history(page);
    const clipped = steps.filter((s) => s.clipped).length;
    const stats = page.getByTestId('clip-stats');
    await expect
      .poll(() => stats.textContent(), { timeout: 30_000 })
      .toContain(`Clipped so far: ${clipped} of 10 steps`);
    await expect(stats.textContent()).resolves.toMatch(/direction cosine 1(\.0+)?\b/);
    await screenshot(page, 'clip-auto');
    await page.screenshot({ path: '/tmp/clip-auto.png', fullPage: false });

    // The percentile is a live setting, written to the link as clip=auto:p.
    await percentile.fill('50');
    await percentile.press('Enter');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 30_000 })
      .toContain('clip=auto:50');
    expect(decodeConfig(await page.evaluate(() => location.hash)).repairs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('per-tensor clipping turns the gradient: the direction cosine falls below 1', async () => {
    const { page, errors } = await openApp(
      app,
      '#layers=16x4&act=tanh&batch=16&clip=tensorNorm:0.01',
    );
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const stats = page.getByTestId('clip-stats');
    await expect
      .poll(() => stats.textContent(), { timeout: 30_000 })
      .toContain('Clipped so far: 10 of 10 steps (100%)');
    const cosine = Number(
      /direction cosine (\d+(?:\.\d+)?)/.exec((await stats.textContent()) ?? '')?.[1],
    );
    expect(cosine).toBeGreaterThan(0);
    expect(cosine).toBeLessThan(0.9999);
    await page.screenshot({ path: '/tmp/clip-tensor.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
