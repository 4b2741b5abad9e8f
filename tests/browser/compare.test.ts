import { describe, expect, it } from 'vitest';
import {
  drawnLines,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
  type OpenedPage,
} from './support/app';

const app = serveBuiltApp();

/** A with no clipping explodes; B is the same run with global-norm clipping at 1. */
const EXPLODING_VS_CLIPPED =
  '#layers=32x8&act=relu&gain=4&lr=1&clip=none&b.clip=globalNorm:1&steps=5000';

function numTensors({ page }: OpenedPage): Promise<number> {
  return page.evaluate(() => window.__gradscope!.numTensors!());
}

function runHistory({ page }: OpenedPage, letter: string) {
  return page.evaluate(
    (l) =>
      JSON.parse(JSON.stringify(window.__gradscope!.history!(l as 'a'))) as {
        step: number;
        loss: number;
      }[],
    letter,
  );
}

describe('comparing runs', () => {
  it('a link with two variants opens three runs that all draw, with a legend saying what differs', async () => {
    const opened = await openApp(
      app,
      '#layers=16x4&act=tanh&steps=5000&b.clip=globalNorm:0.5&c.init=heNormal',
    );
    const { page, errors } = opened;
    const legend = page.getByTestId('runs-legend');
    await expect(legend.textContent()).resolves.toMatch(/Run B.*clip globalNorm:0\.5/);
    await expect(legend.textContent()).resolves.toMatch(/same initial weights and batches as A/);
    await expect(legend.locator('li[data-run="c"]').textContent()).resolves.toMatch(
      /init heNormal.*same batches/,
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 30);
    await page.getByRole('button', { name: 'Pause' }).click();
    for (const letter of ['a', 'b', 'c']) {
      await expect
        .poll(async () => (await drawnLines(page, `grad-norm-chart-${letter}`))?.keys.length, {
          timeout: 10_000,
        })
        .toBeGreaterThanOrEqual(5);
    }
    await expect
      .poll(async () => (await drawnLines(page, 'compare-loss'))?.keys, { timeout: 30_000 })
      .toEqual(['a', 'b', 'c']);
    // Lockstep, and B starts where A starts: the same step-1 loss (clipping acts after it).
    // The last chunk before the pause may still be on its way to one run's history: wait for it.
    await expect
      .poll(
        async () => (await runHistory(opened, 'a')).length - (await runHistory(opened, 'b')).length,
        { timeout: 30_000 },
      )
      .toBe(0);
    const [a, b] = [await runHistory(opened, 'a'), await runHistory(opened, 'b')];
    expect(b[0]!.loss).toBe(a[0]!.loss);
    await screenshot(page, 'compare-three-runs');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an exploding A halts and is named while the clipped B keeps training', async () => {
    const opened = await openApp(app, EXPLODING_VS_CLIPPED);
    const { page, errors } = opened;
    await page.getByRole('button', { name: 'Play' }).click();
    const banner = page.locator('[data-testid="explosion-banner"][data-run="a"]');
    await banner.waitFor({ timeout: 60_000 });
    await expect(banner.textContent()).resolves.toMatch(/Run A: gradients exploded at step \d+/);
    await expect(banner.textContent()).resolves.toMatch(/other runs go on/);
    const haltedAt = Number(/step (\d+)/.exec((await banner.textContent()) ?? '')![1]);
    await waitForStep(page, haltedAt + 30);
    await expect(page.getByTestId('run-status').getAttribute('data-status')).resolves.toBe(
      'running',
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    const b = await runHistory(opened, 'b');
    expect(b.at(-1)!.step).toBeGreaterThanOrEqual(haltedAt + 30);
    expect(b.every((s) => Number.isFinite(s.loss))).toBe(true);
    expect((await runHistory(opened, 'a')).at(-1)!.step).toBe(haltedAt);
    await expect(
      page.getByTestId('runs-legend').locator('li[data-run="a"]').textContent(),
    ).resolves.toMatch(new RegExp(`halted at step ${haltedAt}`));
    await expect(
      page.locator('[data-testid="explosion-banner"][data-run="b"]').count(),
    ).resolves.toBe(0);
    await screenshot(page, 'compare-exploding-vs-clipped');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"Compare with clipping" adds a clipped B from step 0, and removing it frees its tensors', async () => {
    const opened = await openApp(app, '#layers=16x4&act=tanh&steps=5000');
    const { page, errors } = opened;
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const alone = await numTensors(opened);
    await page.getByTestId('compare-with-clipping').click();
    const legend = page.getByTestId('runs-legend');
    await expect(legend.textContent()).resolves.toMatch(/Run B.*clip globalNorm:1/);
    await expect.poll(() => page.url()).toMatch(/b\.clip=globalNorm:1/);
    await expect(page.getByTestId('step-counter').getAttribute('data-step')).resolves.toBe('0');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    expect(await numTensors(opened)).toBeGreaterThan(alone);
    await page.getByRole('button', { name: 'Remove run B' }).click();
    await expect.poll(() => page.getByTestId('runs-legend').count()).toBe(0);
    await expect.poll(() => numTensors(opened)).toBe(alone);
    await expect.poll(() => page.url()).not.toMatch(/b\.clip/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
