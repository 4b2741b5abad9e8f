/**
 * A model=rnn link speaks of a recurrent network, not of layers: the weight-norm chart is per
 * weight tensor, the first visit's orientation names the weight tensors and the time steps,
 * and an embedded strip's `layers` is the sequence length T, in English and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { START_RECURRENT_LESSON } from '../../src/config/lessonHeads';
import { openApp, screenshot, serveBuiltApp } from './support/app';

const app = serveBuiltApp();

const RNN = '#model=rnn&cell=rnn&T=7&units=8';

describe('the words of a recurrent link', () => {
  it('the weight chart is per weight tensor and the orientation speaks of tensors and time steps', async () => {
    const { page, errors } = await openApp(app, RNN);
    expect(await page.getByRole('figure', { name: 'Weight norm per weight tensor' }).count()).toBe(
      1,
    );
    expect(await page.getByRole('figure', { name: 'Weight norm per layer' }).count()).toBe(0);
    const orientation = page.getByTestId('orientation');
    await orientation.waitFor();
    const text = (await orientation.textContent()) ?? '';
    expect(text).toContain('recurrent network');
    expect(text).toMatch(/each line is one weight tensor \(W_x, W_h, b_h/);
    expect(text).toContain('back through time');
    expect(text).not.toMatch(/one layer|toward the input/);
    await screenshot(page, 'recurrent-wording');
    // Its first lesson is the first one through time, and the button opens it.
    const start = orientation.getByRole('button', { name: START_RECURRENT_LESSON.title });
    await start.click();
    await expect
      .poll(() => page.evaluate(() => window.location.hash), { timeout: 30_000 })
      .toContain(`lesson=${START_RECURRENT_LESSON.id}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says the same in Chinese', async () => {
    const { page, errors } = await openApp(app, `${RNN}&lang=zh-CN`);
    const orientation = page.getByTestId('orientation');
    await orientation.waitFor();
    expect(await orientation.textContent()).toContain('每条线代表一个权重张量');
    expect(await page.getByRole('figure', { name: '每个权重张量的权重范数' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an embedded strip shows the sequence length T for `layers`, and init and gain name W_x, W_y', async () => {
    const { page, errors } = await openApp(app, `${RNN}&embed=layers,gain,init`);
    const strip = page.getByRole('region', { name: 'Experiment settings' });
    const length = strip.getByRole('slider', { name: 'Sequence length T' });
    expect(await length.inputValue()).toBe('7');
    expect(await strip.getByRole('slider', { name: 'Depth' }).count()).toBe(0);
    expect(await strip.getByRole('slider', { name: 'Init gain (W_x, W_y)' }).count()).toBe(1);
    expect(await strip.getByRole('combobox', { name: 'Initialization (W_x, W_y)' }).count()).toBe(
      1,
    );
    // The slider sets T: the link says so (a person copying it gets the new length).
    await length.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => window.location.hash), { timeout: 30_000 })
      .toMatch(/[&#]T=8(&|$)/);
    await screenshot(page, 'recurrent-embed');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
