import { afterEach, describe, expect, it } from 'vitest';
import { sweepPanelMessages } from '../../../src/ui/i18n/en/sweepPanel';
import { addEnglishMessages } from '../../../src/ui/i18n/messages';
import { setNumberLocale } from '../../../src/ui/i18n/numberFormat';
import { observedRangeText } from '../../../src/ui/sweep/sweepFormat';

// As the sweep panel does when it loads: its words are not in the first load.
addEnglishMessages(sweepPanelMessages);

afterEach(() => setNumberLocale('en'));

describe('the clip advisor’s observed norm range', () => {
  it('writes huge and tiny norms in the page’s exponent form with 3 significant digits', () => {
    // 5.02e15 to 3 significant digits is 5.02 × 10^15; JavaScript's String() would print
    // "5020000000000000", which nobody can read at a glance.
    const text = observedRangeText([5.02e15, 3.2e-7, 41.37]);
    expect(text).toContain('(3.2e-7 to 5.02e15)');
    expect(text).not.toMatch(/\d{7,}/);
  });

  it('takes the smallest and largest of the norms, in any order', () => {
    expect(observedRangeText([12.5, 0.5, 3])).toContain('(0.5 to 12.5)');
  });

  it('says nothing before run A has shown a norm', () => {
    expect(observedRangeText([])).toBeNull();
  });
});
