import { describe, expect, it } from 'vitest';
import {
  answersWithin,
  currentStep,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
} from './support/app';

const app = serveBuiltApp();

/** Two compared runs, a chosen view and backend: everything a person set, in the link. */
const LINK = '#layers=6x16&act=tanh&steps=100000&b.clip=globalNorm:0.5&view=signal&backend=wasm';

interface Step {
  step: number;
  gradNorm: number[];
}

function runHistory(page: import('playwright-core').Page, letter: 'a' | 'b'): Promise<Step[]> {
  return page.evaluate(
    (l) => JSON.parse(JSON.stringify(window.__gradscope!.history!(l))) as Step[],
    letter,
  );
}

describe('a training worker that dies', () => {
  it('is replaced, every run trains again from step 0 with the same settings and numbers, and a notice says so', async () => {
    const { page, errors } = await openApp(app, LINK);
    await page.getByLabel('Speed').selectOption('medium');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 20);
    const urlBefore = page.url();
    const badgeBefore = await page.getByTestId('backend-badge').textContent();

    expect(await page.evaluate(() => window.__gradscope!.terminateTrainingWorker!())).toBe(true);
    const notice = page.getByTestId('backend-notice');
    await expect(notice.textContent()).resolves.toMatch(/training worker stopped unexpectedly/);
    await notice
      .filter({ hasText: 'every run started again from step 0' })
      .waitFor({ timeout: 60_000 });
    // It plays on from step 0: the step counter went back and climbs again.
    await page.waitForFunction(
      () => (window.__gradscope!.history!('a')[0]?.step ?? 0) === 1,
      undefined,
      { timeout: 60_000 },
    );
    await waitForStep(page, 5);
    await screenshot(page, 'worker-replaced');
    await page.getByRole('button', { name: 'Pause' }).click();

    // Nothing the user set is lost.
    expect(page.url()).toBe(urlBefore);
    await expect(page.getByLabel('Speed').inputValue()).resolves.toBe('medium');
    await expect(page.getByTestId('backend-badge').textContent()).resolves.toBe(badgeBefore);
    expect(await page.evaluate(() => window.__gradscope!.trainingThread!())).toBe('worker');
    const [a, b] = [await runHistory(page, 'a'), await runHistory(page, 'b')];
    expect(a[0]!.step).toBe(1);
    expect(b.length).toBe(a.length);

    // The same numbers as a fresh page of the same link on the same backend.
    const fresh = await openApp(app, LINK);
    await fresh.page.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForStep(fresh.page, 1);
    const [freshA, freshB] = [await runHistory(fresh.page, 'a'), await runHistory(fresh.page, 'b')];
    expect(a[0]!.gradNorm).toEqual(freshA[0]!.gradNorm);
    expect(b[0]!.gradNorm).toEqual(freshB[0]!.gradNorm);
    expect(await currentStep(fresh.page)).toBe(1);

    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });

  it('that keeps dying is given up on with an error, and Play then trains on a new one without freezing the page', async () => {
    // Found by the UI fuzz test: once the session gave up, Play spun the page's thread for ever
    // (its loop waited for a worker that nothing was starting).
    const { page, errors } = await openApp(app, '#layers=16x4&act=tanh&steps=100000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 3);
    // Four deaths within the minute: the fourth is one too many (each kill waits for the new
    // worker, which the diagnostics hook can terminate only once it is there).
    for (let death = 1; death <= 4; death++)
      await page.waitForFunction(() => window.__gradscope!.terminateTrainingWorker!(), undefined, {
        timeout: 60_000,
        polling: 100,
      });
    await page
      .getByTestId('error-notice')
      .filter({ hasText: 'terminated' })
      .waitFor({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Play' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Play' }).click({ timeout: 10_000 });
    expect(await answersWithin(page, 10_000)).toBe(true);
    await waitForStep(page, 3, 60_000);
    await expect(page.getByTestId('error-notice').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Pause' }).click({ timeout: 10_000 });
    expect(await page.evaluate(() => window.__gradscope!.trainingThread!())).toBe('worker');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
