/**
 * A hostile link with many repairs: the notice opens with its first lines and a "Show all N"
 * button; pressed from the keyboard, it lists every repair, and the last one can be scrolled
 * into sight within the notice, where a person can read it.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { repairText } from '../../src/config/repairReason';
import { repairMessages } from '../../src/ui/i18n/en/repairs';
import { addEnglishMessages } from '../../src/ui/i18n/messages';
import { repairMessage } from '../../src/ui/i18n/repairText';
import { openApp, screenshot, serveBuiltApp } from './support/app';
import { MANY_REPAIRS_LINK, pageRepairs } from './support/hostileLinks';

const app = serveBuiltApp();

// The page's English words for repairs, as its notice adds them when it loads.
addEnglishMessages(repairMessages);

/** The text of the list item on top at the middle of `line`'s first row, or null. */
function textSeenAt(line: Locator): Promise<string | null> {
  return line.evaluate((li) => {
    const box = li.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + 4, box.top + 6);
    return top?.closest('li')?.textContent ?? null;
  });
}

describe('the repair notice of a link with many repairs', () => {
  it('shows every repair after "Show all", the last one readable once scrolled to', async () => {
    const repairs = pageRepairs(MANY_REPAIRS_LINK);
    expect(repairs.length).toBeGreaterThan(12);
    const lastText = repairText(repairs.at(-1)!, repairMessage(repairs.at(-1)!));

    const { page, errors } = await openApp(app, MANY_REPAIRS_LINK);
    const notice = page.getByTestId('repair-notice');
    await notice.waitFor();
    const lines = notice.getByRole('listitem');
    expect(await lines.count()).toBe(5);
    expect(await lines.allTextContents()).not.toContain(lastText);

    // From the keyboard: focus the button, press Enter.
    const showAll = notice.getByRole('button', { name: `Show all ${repairs.length} repairs` });
    await showAll.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => lines.count(), { timeout: 30_000 }).toBe(repairs.length);
    expect(await lines.last().textContent()).toBe(lastText);

    // The list scrolls within the notice; from the keyboard too (focus it, press End).
    const list = notice.getByRole('list');
    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => textSeenAt(lines.last()), { timeout: 30_000 }).toBe(lastText);
    await screenshot(page, 'repair-notice-all');

    // "Show fewer" folds it back to the first lines.
    await notice.getByRole('button', { name: 'Show fewer' }).click();
    await expect.poll(() => lines.count(), { timeout: 30_000 }).toBe(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link with a few repairs lists them all, with no "Show all" button', async () => {
    const hash = '#lr=banana&act=sigmoidal';
    const { page } = await openApp(app, hash);
    const notice = page.getByTestId('repair-notice');
    await notice.waitFor();
    expect(await notice.getByRole('listitem').count()).toBe(pageRepairs(hash).length);
    expect(await notice.getByRole('button', { name: /^Show all/ }).count()).toBe(0);
    await page.context().close();
  });
});
