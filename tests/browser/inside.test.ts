import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

/** Pixels painted (alpha > 0) in the canvas of the card with `testId`. */
function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const alpha = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < alpha.length; i += 4) if (alpha[i] !== 0) painted++;
    return painted;
  }, testId);
}

/** Points at a spot of the card's canvas (shares of its width and height from the top left). */
async function pointAt(page: Page, testId: string, x: number, y: number): Promise<string> {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`no canvas in ${testId}`);
  await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
  return (await page.getByTestId(testId).getByTestId('prediction-readout').textContent()) ?? '';
}

const probability = (text: string) => Number(/P\(class 1\) = ([-\d.e]+)/.exec(text)?.[1]);

describe('what the network predicts', () => {
  it('the default run draws a decision map that learns the circles, with exact values on hover', async () => {
    const { page, errors } = await openApp(app, '#steps=300');
    await expect(page.getByTestId('prediction').textContent()).resolves.toMatch(/Press play/);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 300);
    // The run's last step always brings its map.
    await expect
      .poll(() => page.getByTestId('prediction').locator('.chart-title-aside').textContent())
      .toBe('step 300');
    expect(await paintedPixels(page, 'prediction')).toBeGreaterThan(10_000);
    // The inner disc is class 1, the outer ring class 0.
    expect(probability(await pointAt(page, 'prediction', 0.5, 0.5))).toBeGreaterThan(0.5);
    expect(probability(await pointAt(page, 'prediction', 0.5, 0.12))).toBeLessThan(0.5);
    await screenshot(page, 'prediction-default');
    expect(errors).toEqual([]);
  });

  it('the sine fit is a curve with the output on hover, and the tensor count stays flat', async () => {
    const { page, errors } = await openApp(app, '#data=sine&layers=16x3&lr=0.1&steps=5000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 20);
    const count = () => page.evaluate(() => window.__gradscope!.numTensors!());
    const early = await count();
    await waitForStep(page, 120);
    expect(await count()).toBe(early);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => paintedPixels(page, 'prediction')).toBeGreaterThan(1000);
    expect(await pointAt(page, 'prediction', 0.25, 0.5)).toMatch(/at x = -?[\d.]+: output -?[\d.]/);
    expect(errors).toEqual([]);
  });

  it('compared runs get one map each', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&steps=40&b.act=relu');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 40);
    for (const letter of ['a', 'b']) {
      await expect
        .poll(() => paintedPixels(page, `prediction-${letter}`), { timeout: 10_000 })
        .toBeGreaterThan(1000);
      expect(probability(await pointAt(page, `prediction-${letter}`, 0.5, 0.5))).toBeGreaterThan(0);
    }
    await screenshot(page, 'prediction-compare');
    expect(errors).toEqual([]);
  });
});

describe('the distributions panel', () => {
  it('measures only while open: histograms per layer with exact counts on hover, and saturation over steps', async () => {
    const { page, errors } = await openApp(app, '#act=sigmoid&layers=32x6&steps=5000');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    // Closed, the runs measure nothing of it.
    expect(await page.getByTestId('distributions').count()).toBe(0);
    await page.getByTestId('distributions-toggle').click();
    await expect(page.getByTestId('distributions').textContent()).resolves.toMatch(
      /Measured from the next step on/,
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 60);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => paintedPixels(page, 'distributions')).toBeGreaterThan(1000);
    await expect.poll(() => paintedPixels(page, 'saturation')).toBeGreaterThan(100);
    // Sigmoid activations of the first hidden layer lie in [1e-0.5, 1): the bottom row.
    const cell = page.getByTestId('distributions').locator('canvas');
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    // Bin 16 of 26 holds [1e-0.5, 1e0): the middle of its column, on the bottom row (input side).
    await page.mouse.move(box.x + box.width * (16.5 / 26), box.y + box.height * (1 - 0.5 / 7));
    // The readout follows the pointer on the page's next render (later on a loaded machine).
    await expect
      .poll(() => page.getByTestId('distributions-readout').textContent(), { timeout: 10_000 })
      .toMatch(/^hidden1, \|value\| in \[1e-0\.5, 1e0\): [\d,]+ of 2,048 \(\d+\.\d%\)$/);
    const sat = page.getByTestId('saturation').locator('canvas');
    const satBox = (await sat.boundingBox())!;
    await page.mouse.move(satBox.x + satBox.width / 2, satBox.y + satBox.height / 2);
    await expect
      .poll(() => page.getByTestId('saturation-readout').textContent(), { timeout: 10_000 })
      .toMatch(/^step \d+: hidden1 \d+\.\d%, .*hidden6 \d+\.\d%$/);
    await screenshot(page, 'distributions');
    // Closed again: the next steps carry no histograms (the panel's data stops at its step).
    await page.getByTestId('distributions-toggle').click();
    expect(await page.getByTestId('distributions').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('in the compare view shows each run on the same bins, one quantity choice for all, exact counts on hover', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&steps=5000&b.act=relu');
    await page.getByTestId('distributions-toggle').click();
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    // One choice of quantity for all runs; the parameter gradients of every layer.
    // The panel loads with its own module: wait for it to draw its choice.
    await expect
      .poll(() => page.getByRole('radio', { name: 'dL/dW' }).count(), { timeout: 30_000 })
      .toBe(1);
    await page.getByRole('radio', { name: 'dL/dW' }).check();
    for (const letter of ['a', 'b']) {
      const id = `distributions-${letter}`;
      await expect.poll(() => paintedPixels(page, id), { timeout: 30_000 }).toBeGreaterThan(1000);
      const canvas = page.getByTestId(id).locator('canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      // The bottom row is the first hidden layer: 2 x 16 kernel and 16 bias entries; bin 18
      // holds [1e0.5, 1e1).
      await page.mouse.move(box.x + box.width * (18.5 / 26), box.y + box.height * (1 - 0.5 / 5));
      await expect
        .poll(() => page.getByTestId(id).getByTestId('distributions-readout').textContent(), {
          timeout: 10_000,
        })
        .toMatch(/^hidden1, \|value\| in \[1e0\.5, 1e1\): \d+ of 48 \(\d+\.\d%\)$/);
      await expect.poll(() => paintedPixels(page, `saturation-${letter}`)).toBeGreaterThan(100);
    }
    // Run B is ReLU: its chart counts dead units; run A (tanh) saturated ones.
    await expect(page.getByTestId('saturation-b').textContent()).resolves.toMatch(/Dead ReLU/);
    await expect(page.getByTestId('saturation-a').textContent()).resolves.toMatch(/Saturated/);
    await screenshot(page, 'distributions-compare');
    expect(errors).toEqual([]);
  });
});
