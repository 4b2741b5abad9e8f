import { describe, expect, it } from 'vitest';
import { openApp, serveBuiltApp } from './support/app';

const app = serveBuiltApp();

describe('a number box', () => {
  it('says when it clamped a typed value, and drops that note once a link sets another value', async () => {
    // Found by the UI fuzz test: notes about values typed long ago stayed beside boxes that a
    // new link had set to something else.
    const { page, errors } = await openApp(app, '#layers=8x4');
    const box = page.getByRole('spinbutton', { name: 'Bias init' });
    const note = page.getByTestId('clamp-note');
    await box.fill('64');
    await box.press('Enter');
    await expect(note.textContent()).resolves.toMatch(/64 is above the maximum; set to 10/);
    await expect.poll(() => box.inputValue(), { timeout: 30_000 }).toBe('10');
    // The note outlives its own commit.
    await page.waitForTimeout(500);
    await expect(note.count()).resolves.toBe(1);

    await page.evaluate(() => (location.hash = '#layers=8x4&binit=0.5'));
    await expect.poll(() => box.inputValue(), { timeout: 30_000 }).toBe('0.5');
    await expect(note.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
