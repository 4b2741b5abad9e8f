import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  currentStep,
  history,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
  type HistoryStep,
} from './support/app';

const app = serveBuiltApp();
const LINK = '#layers=16x4&act=tanh&seed=7';
/** The same on WebGL by name: the automatic choice picks wasm on this machine. */
const WEBGL_LINK = `${LINK}&backend=webgl`;
/** A browser without WebGL in workers (older Safari, Firefox before 105) has no OffscreenCanvas. */
const WITHOUT_OFFSCREEN_CANVAS = 'delete globalThis.OffscreenCanvas;';

function thread(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => window.__gradscope?.trainingThread?.());
}

function backend(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.__gradscope?.backend?.());
}

async function firstTenSteps(page: Page): Promise<HistoryStep[]> {
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await waitForStep(page, 10);
  expect(await currentStep(page)).toBe(10);
  return (await history(page)).slice(0, 10);
}

/**
 * Different backends round float32 sums in different orders; 10 steps of this small tanh
 * network stay well within 1e-4 relative (the engine's cpu/wasm parity test sees ~2e-6).
 */
function expectClose(actual: HistoryStep[], expected: HistoryStep[]): void {
  expect(actual.map((s) => s.step)).toEqual(expected.map((s) => s.step));
  actual.forEach((step, i) => {
    const reference = expected[i]!;
    step.gradNorm.forEach((value, layer) => {
      const want = reference.gradNorm[layer]!;
      expect(Math.abs(value - want)).toBeLessThanOrEqual(1e-4 * Math.abs(want) + 1e-9);
    });
  });
}

describe('where training runs', () => {
  it('trains in a worker on WebGL when the link asks for it, with tensors flat over hundreds of steps', async () => {
    const { page, errors } = await openApp(app, WEBGL_LINK);
    expect(await thread(page)).toBe('worker');
    expect(await backend(page)).toBe('webgl');
    const tensorsAt = async (steps: number) => {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await waitForStep(page, steps);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.getByTestId('run-status').and(page.locator('[data-status="paused"]')).waitFor();
      // A chunk may still be in flight after Pause; one queued step ends after it.
      const paused = await currentStep(page);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitForStep(page, paused + 1);
      return page.evaluate(() => window.__gradscope?.numTensors?.());
    };
    // After a first stretch (every kind of chunk, with and without the test loss, has run).
    const early = await tensorsAt(100);
    expect(early).toBeGreaterThan(0);
    // The count read between chunks varies by one here (19 or 20 at either point, run to run);
    // a leak of even one tensor per chunk would add dozens over these 400 steps.
    const late = await tensorsAt(500);
    expect(Math.abs(late! - early!)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('falls back to the main thread where a worker cannot use WebGL, with the same numbers', async () => {
    const inWorker = await openApp(app, WEBGL_LINK);
    const reference = await firstTenSteps(inWorker.page);
    await inWorker.page.context().close();

    const { page, errors } = await openApp(app, WEBGL_LINK, undefined, {
      initScript: WITHOUT_OFFSCREEN_CANVAS,
    });
    expect(await thread(page)).toBe('main');
    expect(await backend(page)).toBe('webgl');
    expect(await firstTenSteps(page)).toEqual(reference);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('choosing the backend', () => {
  it('the Backend menu restarts the run on wasm and on the CPU, and the link keeps the choice', async () => {
    const { page, errors } = await openApp(app, WEBGL_LINK);
    const onWebgl = await firstTenSteps(page);
    const menu = page.getByRole('combobox', { name: 'Backend' });
    const badge = page.getByTestId('backend-badge');

    for (const name of ['wasm', 'cpu'] as const) {
      await menu.selectOption(name);
      await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 30_000 }).toBe(name);
      // A fresh run from the same seed.
      await expect.poll(() => currentStep(page)).toBe(0);
      expectClose(await firstTenSteps(page), onWebgl);
      await expect
        .poll(() => page.evaluate(() => window.location.hash))
        .toContain(`backend=${name}`);
      await expect(page.getByTestId('steps-per-second').textContent()).resolves.toMatch(/steps\/s/);
    }
    await screenshot(page, 'backend-cpu');
    await menu.selectOption('webgl');
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 30_000 }).toBe('webgl');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('backend=webgl');
    // Automatic is the default: the link no longer names a backend.
    await menu.selectOption('auto');
    await expect
      .poll(() => badge.getAttribute('data-auto'), { timeout: 30_000 })
      .toBe('softwareWebgl');
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('backend=');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link with backend=wasm opens on wasm, loading nothing from outside', async () => {
    const { page, errors, foreignRequests } = await openApp(app, `${LINK}&backend=wasm`);
    expect(await backend(page)).toBe('wasm');
    expect(await page.getByRole('combobox', { name: 'Backend' }).inputValue()).toBe('wasm');
    await firstTenSteps(page);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
