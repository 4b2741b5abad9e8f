import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { history, openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

type Rgb = [number, number, number];

/** The distinct colours drawn on a chart's line canvas (alpha > 100: not a dimmed line), by 8 levels. */
async function opaqueColours(page: Page, testId: string): Promise<Rgb[]> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(
      `[data-testid="${id}"] canvas.chart-series-canvas`,
    );
    const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Map<string, [number, number, number]>();
    for (let i = 0; data && i < data.length; i += 4) {
      if ((data[i + 3] as number) <= 100) continue;
      const rgb: [number, number, number] = [data[i]!, data[i + 1]!, data[i + 2]!];
      seen.set(rgb.map((c) => c >> 3).join(), rgb);
    }
    return [...seen.values()];
  }, testId);
}

/** The colour of a legend swatch, e.g. "rgb(59, 82, 139)", as [r, g, b]. */
async function swatchColour(page: Page, testId: string, name: string): Promise<Rgb> {
  const css = await page
    .getByTestId(testId)
    .getByRole('button', { name, exact: true })
    .locator('.chart-swatch')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  return css.match(/\d+/g)!.slice(0, 3).map(Number) as Rgb;
}

const near = (a: Rgb, b: Rgb, tolerance = 12) =>
  a.every((c, i) => Math.abs(c - b[i]!) <= tolerance);

/** A point on a drawn line of the chart's canvas, at `share` of its width, in page px. */
async function pointOnLine(page: Page, testId: string, share: number) {
  return page.evaluate(
    ({ id, share }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(
        `[data-testid="${id}"] canvas.chart-series-canvas`,
      )!;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const column = Math.round(canvas.width * share);
      const data = canvas.getContext('2d')!.getImageData(column, 0, 1, canvas.height).data;
      for (let y = 0; y < canvas.height; y++) {
        if ((data[y * 4 + 3] as number) > 200)
          return { x: rect.left + column / scale, y: rect.top + y / scale };
      }
      return null;
    },
    { id: testId, share },
  );
}

describe('every layer can be told apart', () => {
  it('pointing at a line names its layer first in the tooltip and draws it on top', async () => {
    const { page, errors } = await openApp(app, '#layers=8x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    await expect
      .poll(() => opaqueColours(page, 'grad-norm-chart'), { timeout: 30_000 })
      .not.toEqual([]);
    const point = await pointOnLine(page, 'grad-norm-chart', 0.55);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const focusedRow = page.getByTestId('chart-tooltip').locator('li.is-focused');
    await focusedRow.waitFor({ timeout: 30_000 });
    const text = (await focusedRow.textContent()) ?? '';
    // "hidden3 · layer 3 of 5": four hidden layers and the output layer.
    const named = /^(\w+) · layer (\d) of 5/.exec(text);
    expect(named, text).not.toBeNull();
    // The named layer's line is drawn on top: its colour is what the chart shows at the pointer.
    const colour = await swatchColour(page, 'grad-norm-chart', named![1]!);
    const atPointer = await page.evaluate(({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(
        '[data-testid="grad-norm-chart"] canvas.chart-series-canvas',
      )!;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const column = Math.round((x - rect.left) * scale);
      const row = Math.round((y - rect.top) * scale);
      const reach = Math.round(12 * scale);
      const data = canvas.getContext('2d')!.getImageData(column, row - reach, 1, 2 * reach).data;
      const colours: number[][] = [];
      for (let i = 0; i < data.length; i += 4)
        if ((data[i + 3] as number) > 200) colours.push([data[i]!, data[i + 1]!, data[i + 2]!]);
      return colours;
    }, point!);
    expect(atPointer.some((c) => near(c as Rgb, colour))).toBe(true);
    await page.screenshot({ path: '/tmp/charts-hover-names-layer.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('clicking a legend entry shows that layer alone on the gradient and weight charts; Show all restores', async () => {
    const { page, errors } = await openApp(app, '#layers=8x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const entry = page
      .getByTestId('grad-norm-chart')
      .getByRole('button', { name: 'hidden2', exact: true });
    await entry.click();
    await expect.poll(() => entry.getAttribute('aria-pressed')).toBe('true');
    const colour = await swatchColour(page, 'grad-norm-chart', 'hidden2');
    // Lines are drawn, and every opaque pixel is hidden2's colour.
    for (const chart of ['grad-norm-chart', 'weight-norm-chart']) {
      await expect
        .poll(
          async () => {
            const colours = await opaqueColours(page, chart);
            return colours.length > 0 && colours.every((c) => near(c, colour));
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    }
    await page.screenshot({ path: '/tmp/charts-legend-isolates.png' });
    await page
      .getByTestId('grad-norm-chart')
      .getByRole('button', { name: 'Show all layers' })
      .click();
    await expect.poll(() => entry.getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(
        async () => (await opaqueColours(page, 'grad-norm-chart')).some((c) => !near(c, colour)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a 48-layer network gets a strip legend that the keyboard can walk and isolate from', async () => {
    const { page, errors } = await openApp(app, '#layers=8x48');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(page, 1);
    const strip = page
      .getByTestId('grad-norm-chart')
      .getByRole('group', { name: /Layers from input to output/ });
    const cells = strip.getByRole('button');
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(49);
    await cells.first().focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page.getByTestId('grad-norm-chart').getByTestId('legend-focused-name').textContent(),
      )
      .toBe('hidden5 · layer 5 of 49');
    await page.keyboard.press('Enter');
    await expect.poll(() => cells.nth(4).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('End');
    await expect
      .poll(() =>
        page.getByTestId('grad-norm-chart').getByTestId('legend-focused-name').textContent(),
      )
      .toBe('output · layer 49 of 49');
    await page.screenshot({ path: '/tmp/charts-strip-legend.png' });
    await page.keyboard.press('Enter');
    await expect.poll(() => cells.nth(48).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => cells.nth(4).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pointing at a heatmap cell shows its layer, step and measured value, and singles the layer out', async () => {
    const { page, errors } = await openApp(app, '#layers=8x4');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const plot = page.getByTestId('grad-heatmap').locator('.heatmap-plot');
    await expect
      .poll(() => page.getByTestId('grad-heatmap').locator('.chart-placeholder').count(), {
        timeout: 30_000,
      })
      .toBe(0);
    const box = (await plot.boundingBox())!;
    // Ten steps in ten columns, five layers in five rows: the middle of column 4 (step 4),
    // second row from the top (hidden4, the fourth of five layers).
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.3);
    const readout = page.getByTestId('heatmap-readout');
    await readout.waitFor({ timeout: 30_000 });
    const text = (await readout.textContent()) ?? '';
    const read = /^hidden4 · layer 4 of 5, step 4: (\S+)$/.exec(text);
    expect(read, text).not.toBeNull();
    const measured = (await history(page)).find((m) => m.step === 4)!.gradNorm[3]!;
    expect(Math.abs(Number(read![1]) - measured) / measured).toBeLessThan(5e-4);
    // The same layer is singled out on the gradient chart: its legend entry is marked.
    await expect
      .poll(() =>
        page
          .getByTestId('grad-norm-chart')
          .getByRole('button', { name: 'hidden4', exact: true })
          .getAttribute('class'),
      )
      .toContain('is-focused');
    await page.screenshot({ path: '/tmp/charts-heatmap-hover.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
