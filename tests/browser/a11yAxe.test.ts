import { describe, expect, it } from 'vitest';
import { START_LESSON } from '../../src/config/lessons';
import { openApp, serveBuiltApp, waitForStep } from './support/app';
import { seriousViolations } from './support/axe';

const app = serveBuiltApp();

/** Trains `steps` steps and pauses, so the charts and their text alternatives hold numbers. */
async function train(page: import('playwright-core').Page, steps: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForStep(page, steps);
  await page.getByRole('button', { name: 'Pause' }).click();
}

describe('axe-core finds no serious or critical violations', () => {
  it('on the main page: first visit with the orientation, then trained, with a repaired link', async () => {
    const { page, errors } = await openApp(app, '#steps=5000&lr=banana');
    await page.getByTestId('orientation').waitFor();
    await page.getByTestId('repair-notice').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await train(page, 20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('in embed mode, bare and with controls named by the link', async () => {
    for (const hash of ['#embed=1', '#embed=lr,clip,act']) {
      const { page } = await openApp(app, hash);
      await train(page, 5);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('in the compare view with a variant, and with an exploded run named in a banner', async () => {
    const { page } = await openApp(
      app,
      '#layers=32x8&act=relu&gain=4&lr=1&clip=none&b.clip=globalNorm:1&steps=5000',
    );
    await page.getByTestId('runs-legend').waitFor();
    await train(page, 40);
    await page.getByTestId('explosion-banner').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('in the regime map, measured, and with the clip-threshold advisor', async () => {
    const { page } = await openApp(app, '#layers=16x4&act=tanh&sweep=gain:0.25..4:4,depth:2..6:3');
    await expect
      .poll(() => page.locator('[data-testid="regime-cell"][data-measured="1"]').count(), {
        timeout: 60_000,
      })
      .toBe(12);
    await page.locator('[data-testid="regime-cell"][data-index="5"]').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('open-clip-advisor').click();
    await page.getByTestId('clip-advice').waitFor({ timeout: 90_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('with the inside-the-network panels (distributions, prediction) open', async () => {
    const { page } = await openApp(app, '#steps=5000');
    await page.getByTestId('distributions-toggle').click();
    await train(page, 20);
    await page.getByTestId('distributions-readout').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('with a lesson open', async () => {
    const { page } = await openApp(app, `${START_LESSON.link}&lesson=${START_LESSON.id}`);
    await page.getByTestId('lesson-panel').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('on a phone, with the settings drawer open and a chart table shown', async () => {
    const { page } = await openApp(app, '#steps=5000', { width: 390, height: 844 });
    await train(page, 10);
    await page.getByRole('button', { name: 'Table: Gradient norm per layer' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Clip mode').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
