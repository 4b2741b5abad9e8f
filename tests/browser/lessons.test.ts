import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/config/lessons';
import { drawnLines, openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

describe('lessons', () => {
  it('every lesson opens from the menu, shows its explanation and trains without a page error', async () => {
    const { page, errors, foreignRequests } = await openApp(app);
    const menu = page.getByRole('combobox', { name: 'Lessons' });
    for (const lesson of LESSONS) {
      await menu.selectOption({ label: lesson.title });
      const panel = page.getByTestId('lesson-panel');
      await expect.poll(() => panel.textContent()).toContain(lesson.title);
      await expect(panel.textContent()).resolves.toContain(lesson.tryNext);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`lesson=${lesson.id}`);
      await page.getByRole('button', { name: 'Step ×10' }).click();
      // A lesson that explodes stops itself early; every other one completes the ten steps.
      await page.waitForFunction(() => {
        const step = Number(
          document.querySelector('[data-testid="step-counter"]')?.getAttribute('data-step'),
        );
        const halted =
          document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') ===
          'halted';
        return step >= 10 || (halted && step >= 1);
      });
      if (lesson.id === 'sigmoid-vanishes') await screenshot(page, 'lesson-sigmoid-vanishes');
    }
    await page.getByRole('button', { name: 'Close lesson' }).click();
    expect(await page.getByTestId('lesson-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('lesson=');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('a lesson link opens with its explanation and settings', async () => {
    const lesson = LESSONS[0]!;
    const { page } = await openApp(app, `${lesson.link}&lesson=${lesson.id}`);
    await expect.poll(() => page.getByTestId('lesson-panel').textContent()).toContain(lesson.title);
    await page.context().close();
  });
});

describe('embed mode', () => {
  it('hides every control but play, reset and the sliders the link names, and still trains', async () => {
    const { page, errors } = await openApp(app, '#act=sigmoid&layers=16x6&embed=lr,clip', {
      width: 800,
      height: 500,
    });
    expect(await page.locator('[data-embed="1"]').count()).toBe(1);
    for (const name of ['Play', 'Reset'])
      expect(await page.getByRole('button', { name }).count()).toBe(1);
    for (const name of ['Step', 'New seed', 'Copy link'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('slider', { name: 'Learning rate' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Clip mode' }).count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'Clip threshold' }).count()).toBe(1);
    for (const name of ['Depth', 'Init gain', 'Width', 'Gradient scale']) {
      expect(await page.getByRole('slider', { name }).count()).toBe(0);
    }
    for (const name of ['Activation', 'Optimizer', 'Dataset', 'Lessons']) {
      expect(await page.getByRole('combobox', { name }).count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 20);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect
      .poll(async () => (await drawnLines(page, 'grad-norm-chart'))?.paintedPixels ?? 0)
      .toBeGreaterThan(0);
    // Nothing scrolls inside a slide-sized iframe.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight > window.innerHeight,
    );
    expect(overflow).toBe(false);
    await screenshot(page, 'embed-800x500');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('embed=1 shows no settings at all', async () => {
    const { page } = await openApp(app, '#embed=1', { width: 800, height: 500 });
    expect(await page.getByRole('slider').count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await page.context().close();
  });
});
