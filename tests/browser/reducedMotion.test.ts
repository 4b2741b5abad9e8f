import { describe, expect, it } from 'vitest';
import { openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

describe('prefers-reduced-motion', () => {
  it('nothing animates while training, switching views, opening the table and the drawer', async () => {
    const { page } = await openApp(app, '#steps=5000', { width: 768, height: 1024 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
      true,
    );
    /** The most animations (CSS transitions, CSS and Web animations) running at once. */
    const watch = (ms: number) =>
      page.evaluate(async (duration) => {
        let most = 0;
        const until = performance.now() + duration;
        while (performance.now() < until) {
          most = Math.max(most, document.getAnimations().length);
          await new Promise((r) => requestAnimationFrame(r));
        }
        return most;
      }, ms);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 10);
    expect(await watch(1500)).toBe(0);
    await page.getByText('Backpropagated signal', { exact: true }).click();
    expect(await watch(500)).toBe(0);
    await page.getByRole('button', { name: 'Table: Backpropagated signal norm per layer' }).click();
    expect(await watch(500)).toBe(0);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await watch(500)).toBe(0);
    await page.screenshot({ path: '/tmp/a11y-reduced-motion.png' });
    await page.context().close();
  }, 120_000);
});
