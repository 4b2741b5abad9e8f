import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected into the page under test as a script. */
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors and failure summaries of the first few offending nodes. */
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) over the page as it is now and returns
 * the serious and critical violations, each with where it is, so a failing test says what to fix.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the page's CSP forbids inline script tags.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document);
    // A run that checked nothing (e.g. an empty page) would pass vacuously.
    if (!result.passes.some((r) => r.id === 'color-contrast'))
      throw new Error('axe-core checked no text contrast: is the page drawn?');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} :: ${n.failureSummary ?? ''}`.slice(0, 400)),
      }));
  });
}
