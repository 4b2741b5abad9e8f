/**
 * Recurrent mode runs in the command line only for now: a recurrent link opens the page as its
 * feed-forward network, says so in the repair notice, and trains; the address bar then holds
 * the feed-forward link, which opens cleanly.
 */
import { describe, expect, it } from 'vitest';
import { decodeExperimentLink } from '../../src/config/variants';
import { openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

describe('a recurrent link on the page', () => {
  it('opens the feed-forward network with a notice naming the command line, and trains', async () => {
    const { page, errors } = await openApp(
      app,
      '#model=rnn&cell=lstm&T=100&units=32&act=relu&b.cell=gru&b.lr=0.01',
    );
    const notice = page.getByTestId('repair-notice');
    await notice.waitFor({ timeout: 30_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('model');
    expect(text).toContain('command line');
    // The settings the link shares with a feed-forward run are kept.
    await expect(page.getByRole('combobox', { name: 'Activation' }).inputValue()).resolves.toBe(
      'relu',
    );
    const repaired = await page.evaluate(() => location.hash);
    expect(repaired).not.toMatch(/model=|cell=|[&#]T=/);
    expect(decodeExperimentLink(repaired).repairs).toEqual([]);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10, 120_000);
    await screenshot(page, 'recurrent-link-repaired');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
