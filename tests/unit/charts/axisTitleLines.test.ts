import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../../src/ui/charts/axisTitleLines';

describe('a long axis title on two lines', () => {
  it('breaks at the space or bracket nearest the middle, and the lines read as the title', () => {
    expect(splitTitle('gradient norm (log)')).toEqual(['gradient ', 'norm (log)']);
    expect(splitTitle('signal norm (log)')).toEqual(['signal ', 'norm (log)']);
    expect(splitTitle('梯度范数（对数）')).toEqual(['梯度范数', '（对数）']);
  });

  it('keeps a title without a place to break on one line', () => {
    expect(splitTitle('loss')).toEqual(['loss']);
  });
});
