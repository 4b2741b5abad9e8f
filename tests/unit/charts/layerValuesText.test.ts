import { describe, expect, it } from 'vitest';
import { describeLayerValues } from '../../../src/ui/charts/layerValuesText';

const names = ['hidden1', 'hidden2', 'hidden3', 'output'];
const at = (values: number[]) =>
  describeLayerValues({ step: 120, quantity: 'gradient norm', names, values });

describe('the words a screen reader hears for a per-layer chart', () => {
  it('vanishing: names the input layer, its value, and how many times smaller than the output it is', () => {
    // 0.0408 / 1.2e-5 = 3,400
    const text = at([1.2e-5, 1e-4, 1e-3, 0.0408]);
    expect(text).toMatch(/^4 layers at step 120; /);
    expect(text).toMatch(/input layer hidden1's gradient norm 1\.2e-5, 3.?400 × smaller/);
    expect(text).toMatch(/than the output layer's \(0\.0408\)\.$/);
  });

  it('exploding: the input larger than the output, rounded to 2 significant digits', () => {
    // 987 / 0.5 = 1,974 -> 2,000
    expect(at([987, 10, 1, 0.5])).toMatch(/hidden1's gradient norm 987, 2.?000 × larger than/);
  });

  it('equal ends say so; a non-finite or zero end gives the values without a ratio', () => {
    expect(at([0.3, 1, 2, 0.3])).toMatch(/0\.3, the same as the output layer's\.$/);
    expect(at([Infinity, 1, 1, 0.2])).not.toMatch(/×/);
    expect(at([0, 1, 1, 0.2])).not.toMatch(/×/);
    expect(at([0, 1, 1, 0.2])).toMatch(/the output layer's 0\.2\.$/);
  });

  it('values are spoken with 3 significant digits, powers of ten outside 0.001 to 10,000', () => {
    expect(at([2.5e-7, 1, 1, 12345])).toMatch(
      /2\.5e-7, 4.?9e10 × smaller than the output layer's \(1\.2e4\)/,
    );
  });

  it('one layer has no ends to compare', () => {
    expect(
      describeLayerValues({ step: 3, quantity: 'gradient norm', names: ['output'], values: [1] }),
    ).toBe('1 layer at step 3;');
  });
});
