import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentStep, history, openApp, serveBuiltApp, waitForStep } from './support/app';
import { seriousViolations } from './support/axe';

const app = serveBuiltApp();

/** What a screen reader reads as the chart's description (its aria-describedby text). */
function chartDescription(page: Page, testId: string): Promise<string> {
  return page.evaluate((id) => {
    const figure = document.querySelector(`[data-testid="${id}"]`);
    const ids = figure?.getAttribute('aria-describedby')?.split(' ') ?? [];
    return ids.map((d) => document.getElementById(d)?.textContent ?? '').join(' ');
  }, testId);
}

/** The rows of the chart's table view: [layer, value text]. */
async function tableRows(page: Page, testId: string): Promise<[string, string][]> {
  const rows = page.getByTestId(testId).getByTestId('chart-table').locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [
      tr.querySelector('th')?.textContent ?? '',
      tr.querySelector('td')?.textContent ?? '',
    ]),
  ) as Promise<[string, string][]>;
}

/** Waits until the run is paused and its step counter has stopped moving. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 20_000 })
    .toBe('paused');
  for (let before = -1, now = await currentStep(page); now !== before;) {
    await page.waitForTimeout(1000);
    [before, now] = [now, await currentStep(page)];
  }
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('the gradient chart in words and as a table', () => {
  it('a vanishing sigmoid net: the summary names the input layer as many times smaller as the table shows', async () => {
    // Sigmoid's slope is at most 1/4, so the backpropagated gradient shrinks toward the input.
    const { page, errors } = await openApp(app, '#layers=32x10&act=sigmoid&steps=5000');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 40);
    await page.getByRole('button', { name: 'Pause' }).click();
    await settled(page);
    // Paused (a step already asked of the worker may still land), the summary tells the step
    // the counter shows at once.
    await expect
      .poll(
        async () => {
          const [step, text] = [
            await currentStep(page),
            await chartDescription(page, 'grad-norm-chart'),
          ];
          return text.includes(`11 layers at step ${step};`);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const step = await currentStep(page);
    const summary = await chartDescription(page, 'grad-norm-chart');
    const match =
      /input layer (\S+)'s gradient norm (\S+), ([\d,.e]+) × smaller than the output layer's \((\S+)\)/.exec(
        summary,
      );
    expect(match, summary).not.toBeNull();
    const [, inputName, inputText, ratioText, outputText] = match!;

    await page.getByRole('button', { name: 'Table: Gradient norm per layer' }).click();
    const rows = await tableRows(page, 'grad-norm-chart');
    expect(rows).toHaveLength(11);
    expect(rows[0]![0]).toBe(inputName);
    expect(rows[10]![0]).toBe('output');
    // The table holds the measured numbers of that step (4 significant digits)...
    const measured = (await history(page)).find((m) => m.step === step)!.gradNorm;
    rows.forEach(([, text], i) => expect(relErr(Number(text), measured[i]!)).toBeLessThan(1e-3));
    // ...and the summary says its ends (2 or 3 significant digits) and their ratio (2).
    const input = Number(rows[0]![1]);
    const output = Number(rows[10]![1]);
    expect(relErr(Number(inputText), input)).toBeLessThan(0.05);
    expect(relErr(Number(outputText), output)).toBeLessThan(0.05);
    expect(relErr(Number(ratioText!.replace(/,/g, '')), output / input)).toBeLessThan(0.05);
    expect(output / input).toBeGreaterThan(10);
    await page.screenshot({ path: '/tmp/a11y-grad-table.png' });
    expect(await seriousViolations(page)).toEqual([]);

    // The depth profile's table shows the same step's numbers; the weight chart's, the weights'.
    await page.getByRole('button', { name: 'Table: Depth profile' }).click();
    const caption = (id: string) =>
      page.getByTestId(id).getByTestId('chart-table').locator('caption').textContent();
    expect(await caption('depth-profile')).toBe(await caption('grad-norm-chart'));
    expect(await caption('depth-profile')).toBe(`Values at step ${step}`);
    expect(await tableRows(page, 'depth-profile')).toEqual(rows);
    await page.getByRole('button', { name: 'Table: Weight norm per layer' }).click();
    const weights = (await history(page)).find((m) => m.step === step) as unknown as {
      weightNorm: number[];
    };
    const weightRows = await tableRows(page, 'weight-norm-chart');
    expect(weightRows.map(([name]) => name)).toEqual(rows.map(([name]) => name));
    weightRows.forEach(([, text], i) =>
      expect(relErr(Number(text), weights.weightNorm[i]!)).toBeLessThan(1e-3),
    );
    await page.screenshot({ path: '/tmp/a11y-tables.png' });

    // Table off: the plot again.
    await page.getByRole('button', { name: 'Table: Gradient norm per layer' }).click();
    expect(await page.getByTestId('grad-norm-chart').getByTestId('chart-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('while training, the spoken summary is a polite live region that changes at most every few seconds', async () => {
    const { page } = await openApp(app, '#layers=32x6&act=tanh&steps=100000');
    const region = page.getByTestId('grad-norm-chart').locator('[aria-live="polite"]');
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 5);
    const seen: string[] = [];
    const startedAt = Date.now();
    while (Date.now() - startedAt < 8000) {
      const text = await region.textContent();
      if (text && text !== seen.at(-1)) seen.push(text);
      await page.waitForTimeout(200);
    }
    const stepsDuring = await currentStep(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The chart itself refreshed many times over those 8 s; the region changed at most twice
    // (it may show the text from before the first poll, then at most once per 5 s).
    expect(stepsDuring).toBeGreaterThan(10);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(3);
    await page.context().close();
  }, 60_000);
});
