import { describe, expect, it } from 'vitest';
import { START_LESSON } from '../../src/config/lessons';
import { currentStep, openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

describe('a first visit', () => {
  it('says the backend is preparing until the first step, then shows a steps/s that agrees with the counter', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4&steps=100000');
    await page.getByRole('button', { name: 'Play' }).click();
    const status = page.getByTestId('run-status');
    await waitForStep(page, 1);
    await expect.poll(() => status.textContent()).toBe('Training');
    // Count the steps over four seconds, as a person with a watch would, and read the rate the
    // run bar shows every half second meanwhile.
    await waitForStep(page, 20);
    const start = { step: await currentStep(page), time: Date.now() };
    const shownRates: number[] = [];
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(500);
      const text = await page.getByTestId('steps-per-second').textContent();
      // The rate is written in the page's number format: thousands are grouped ("1,024").
      shownRates.push(Number(text?.split(' ')[0]?.replace(/,/g, '')));
    }
    const counted = ((await currentStep(page)) - start.step) / ((Date.now() - start.time) / 1000);
    const shown = shownRates.reduce((a, b) => a + b, 0) / shownRates.length;
    expect(shown).toBeGreaterThan(counted * 0.7);
    expect(shown).toBeLessThan(counted * 1.3);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('steps-per-second').textContent()).toBe('0 steps/s');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows "Preparing WebGL…" while the backend starts after Play', async () => {
    const { page } = await openApp(app, '#layers=32x12&backend=webgl');
    // A restart compiles nothing new, so catch the first Play of a fresh page.
    await page.getByRole('button', { name: 'Play' }).click();
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const texts = new Set<string>();
          const status = document.querySelector('[data-testid="run-status"]')!;
          const look = () => {
            const step = Number(
              document.querySelector('[data-testid="step-counter"]')?.getAttribute('data-step'),
            );
            if (step >= 1) return resolve([...texts]);
            texts.add(status.textContent ?? '');
            requestAnimationFrame(look);
          };
          look();
        }),
    );
    expect(seen).toContain('Preparing WebGL…');
    expect(seen).not.toContain('Training');
    await screenshot(page, 'first-visit-playing');
    await page.context().close();
  });

  it('orients a newcomer: what the lines mean, what exploding and vanishing look like, the first lesson; dismissed once, remembered', async () => {
    const { page, errors } = await openApp(app);
    const orientation = page.getByTestId('orientation');
    await orientation.waitFor();
    const text = await orientation.textContent();
    expect(text).toMatch(/each line is one layer/);
    expect(text).toMatch(/Exploding gradients/);
    expect(text).toMatch(/vanishing gradients/);
    await screenshot(page, 'first-visit');
    await page.getByRole('button', { name: 'Got it' }).click();
    expect(await orientation.count()).toBe(0);
    await page.reload();
    await page.getByTestId('backend-badge').waitFor();
    expect(await page.getByTestId('orientation').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('points to the start-here lesson, and never shows in embed mode', async () => {
    const { page } = await openApp(app);
    await page.getByRole('button', { name: START_LESSON.title }).click();
    await expect
      .poll(() => page.getByTestId('lesson-panel').textContent())
      .toContain(START_LESSON.title);
    expect(await page.getByTestId('orientation').count()).toBe(0);
    await page.context().close();
    const embedded = await openApp(app, '#embed=1');
    expect(await embedded.page.getByTestId('orientation').count()).toBe(0);
    await embedded.page.context().close();
  });
});
