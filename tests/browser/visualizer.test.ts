import { describe, expect, it } from 'vitest';
import {
  currentStep,
  drawnLines,
  history,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
} from './support/app';

const app = serveBuiltApp();

/** Deep ReLU with a huge init gain and learning rate: overflows within a few dozen steps. */
const EXPLODING = '#v=1&layers=32x8&act=relu&gain=4&lr=1&clip=none';

describe('the visualizer page', () => {
  it('opens on the automatic backend, which picks wasm over software WebGL and says why', async () => {
    const { page, errors } = await openApp(app);
    const badge = page.getByTestId('backend-badge');
    // This machine's WebGL is SwiftShader (software): the rule picks wasm.
    await expect(badge.getAttribute('data-backend')).resolves.toBe('wasm');
    await expect(badge.textContent()).resolves.toMatch(/wasm · 32-bit · auto \(no GPU\)/);
    await expect(badge.getAttribute('title')).resolves.toMatch(/software renderer/);
    await expect(page.getByRole('combobox', { name: 'Backend' }).inputValue()).resolves.toBe(
      'auto',
    );
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads on the webgl backend with no console errors', async () => {
    const { page, errors, foreignRequests } = await openApp(app, '#backend=webgl');
    expect(await page.evaluate(() => window.__gradscope?.backend?.())).toBe('webgl');
    await expect(page.getByTestId('backend-badge').textContent()).resolves.toMatch(
      /webgl · 32-bit/,
    );
    await expect(page.getByRole('button', { name: 'Play' }).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'visualizer-loaded');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('Play advances the steps and draws one gradient line per layer', async () => {
    const { page, errors } = await openApp(app, '#layers=16x5&steps=5000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 40);
    const lines = () => drawnLines(page, 'grad-norm-chart');
    // Lines are drawn thin while training runs (cheap to rasterise), and at full width once
    // paused.
    await expect.poll(async () => (await lines())?.draft).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await lines())?.draft).toBe(false);
    // 5 hidden layers + the output layer, each painted.
    await expect
      .poll(async () => (await lines())?.keys, { timeout: 10_000 })
      .toEqual(['l0', 'l1', 'l2', 'l3', 'l4', 'l5']);
    expect((await lines())?.paintedPixels).toBeGreaterThan(1000);
    await screenshot(page, 'visualizer-training');
    expect(await currentStep(page)).toBeGreaterThanOrEqual(40);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('while training the lines leave room ahead and the tooltip reads the hovered step; paused, they fill the plot', async () => {
    const { page, errors } = await openApp(app, '#layers=16x5&steps=100000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 60);
    const chart = page.getByTestId('grad-norm-chart');
    const plot = chart.locator('.recharts-cartesian-grid');
    /** How far the lines stop short of the plot's right edge, in px. */
    const roomAhead = async () => {
      const lines = await drawnLines(page, 'grad-norm-chart');
      return lines ? lines.plotWidthPx - lines.paintedRightPx : NaN;
    };
    // The step axis ends at a round step ahead of the newest one (at most a third more steps).
    await expect.poll(roomAhead).toBeGreaterThan(5);
    const box = (await plot.boundingBox())!;
    const tooltip = chart.locator('.chart-tooltip');
    // A pointer moving over the plot while training runs: the tooltip names a step and all 6 layers.
    for (const fraction of [0.3, 0.32, 0.34]) {
      await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
    }
    await tooltip.waitFor({ timeout: 5_000 });
    await expect(tooltip.textContent()).resolves.toMatch(/step \d+/i);
    expect(await tooltip.locator('li').count()).toBe(6);
    await screenshot(page, 'visualizer-tooltip-while-training');
    await page.mouse.move(5, box.y + box.height + 200);
    await tooltip.waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(roomAhead, { timeout: 10_000 }).toBeLessThan(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a run that explodes at step 2 still shows each layer’s one finite value, as a dot', async () => {
    const { page, errors } = await openApp(app, '#layers=32x6&act=relu&init=normal:40&lr=1');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByTestId('explosion-banner').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('explosion-banner').textContent()).resolves.toMatch(
      /exploded at step 2/,
    );
    // 6 hidden layers + the output layer, each with step 1 as its only finite value.
    await expect
      .poll(async () => (await drawnLines(page, 'grad-norm-chart'))?.lonePoints, {
        timeout: 10_000,
      })
      .toBe(7);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an exploding run pauses itself with a banner naming the step and layer; global-norm clipping keeps it bounded', async () => {
    const { page, errors } = await openApp(app, EXPLODING);
    await page.getByRole('button', { name: 'Play' }).click();
    const banner = page.getByTestId('explosion-banner');
    await banner.waitFor({ timeout: 60_000 });
    await expect(banner.textContent()).resolves.toMatch(/exploded at step \d+/);
    await expect(banner.textContent()).resolves.toMatch(/layer \d+ \(\w+\)|loss|global/);
    await expect(page.getByTestId('run-status').getAttribute('data-status')).resolves.toBe(
      'halted',
    );
    await screenshot(page, 'visualizer-exploded');

    await page.getByRole('combobox', { name: 'Clip mode' }).selectOption('globalNorm');
    const threshold = page.getByRole('spinbutton', { name: /Clip threshold/ });
    await threshold.fill('0.5');
    await threshold.press('Enter');
    await page.getByRole('button', { name: 'Reset run' }).click();
    await expect.poll(() => page.getByTestId('explosion-banner').count()).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 80);
    await page.getByRole('button', { name: 'Pause' }).click();
    const steps = await history(page);
    expect(steps.length).toBeGreaterThanOrEqual(80);
    expect(steps.some((s) => s.clipped)).toBe(true);
    for (const s of steps) expect(s.clippedGlobalNorm).toBeLessThanOrEqual(0.5 * (1 + 1e-4));
    expect(await page.getByTestId('explosion-banner').count()).toBe(0);
    await screenshot(page, 'visualizer-clipped');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moving the clip threshold while running takes effect without a restart', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&clip=globalNorm:1000&steps=100000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 30);
    const threshold = page.getByRole('spinbutton', { name: /Clip threshold/ });
    // Read before typing: a round landing between Enter and a later read (up to 128 steps, more
    // on a loaded machine) would carry the counter past the first clipped step.
    const changedAt = await currentStep(page);
    await threshold.fill('0.001');
    await threshold.press('Enter');
    // It takes effect after the rounds already asked for (up to two, whose size depends on the
    // backend's speed), then trains on with it.
    await expect
      .poll(async () => (await history(page)).some((s) => s.clipped), { timeout: 30_000 })
      .toBe(true);
    await waitForStep(page, (await currentStep(page)) + 40);
    await page.getByRole('button', { name: 'Pause' }).click();
    const steps = await history(page);
    // No restart: the history still starts at step 1 and runs on past the change.
    expect(steps[0]!.step).toBe(1);
    // The change takes effect after the round under way (its size depends on the backend's
    // speed): from one step on every step is clipped, and none before it, all after the
    // step the counter showed when the threshold was typed.
    const first = steps.findIndex((s) => s.clipped);
    expect(first).toBeGreaterThan(0);
    expect(steps[first]!.step).toBeGreaterThan(changedAt);
    expect(steps.slice(0, first).some((s) => s.clipped)).toBe(false);
    const after = steps.slice(first);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.clipped && s.clippedGlobalNorm <= 0.001 * (1 + 1e-4))).toBe(true);
    await screenshot(page, 'visualizer-live-threshold');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keyboard: space plays and pauses, right arrow steps once, r resets', async () => {
    const { page, errors } = await openApp(app);
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 1);
    expect(await currentStep(page)).toBe(1);
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'))
      .toBe('running');
    await waitForStep(page, 10);
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'))
      .toBe('paused');
    await page.keyboard.press('r');
    // The run is rebuilt in the worker: allow for a busy machine.
    await expect.poll(() => currentStep(page), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('every input, select and button has an accessible name', async () => {
    const { page } = await openApp(app);
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, button, textarea'))
        .filter((el) => {
          const e = el as HTMLInputElement;
          const labelled =
            (e.labels?.length ?? 0) > 0 && Array.from(e.labels!).some((l) => l.textContent?.trim());
          const aria = e.getAttribute('aria-label')?.trim() || e.getAttribute('aria-labelledby');
          const text = e.tagName === 'BUTTON' && e.textContent?.trim();
          return !(labelled || aria || text);
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    for (const name of ['Learning rate', 'Clip threshold', 'Depth', 'Width', 'Init gain']) {
      await expect(page.getByRole('slider', { name }).count()).resolves.toBe(1);
    }
    for (const name of ['Clip mode', 'Activation', 'Initialization', 'Optimizer', 'Dataset']) {
      await expect(page.getByRole('combobox', { name }).count()).resolves.toBe(1);
    }
    await page.context().close();
  });
});

describe('a lost WebGL context', () => {
  it('shows a notice, rebuilds the run from its settings and keeps the history drawn', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&steps=100000&backend=webgl');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const before = await history(page);
    expect(await page.evaluate(() => window.__gradscope?.loseWebglContext?.())).toBe(true);
    const notice = page.getByTestId('backend-notice');
    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toMatch(/WebGL context was lost and the run was rebuilt/);
    expect(await currentStep(page)).toBe(10);
    expect((await history(page)).slice(0, 10)).toEqual(before.slice(0, 10));
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 20);
    expect(await page.evaluate(() => window.__gradscope?.backend?.())).toMatch(/webgl|cpu/);
    const steps = await history(page);
    expect(steps.map((s) => s.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await screenshot(page, 'visualizer-context-lost');
    // tfjs logs the lost context itself; anything else would be ours.
    expect(errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
    await page.context().close();
  });
});
