import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { DEFAULT_VIEW, viewFromHash, viewToHashSuffix } from '../../../src/store/viewStore';

describe('the backend link flag', () => {
  it('reads webgl, wasm and cpu; none, or auto, is the automatic choice (null, never written)', () => {
    expect(viewFromHash('#act=relu&backend=wasm').backend).toBe('wasm');
    expect(viewFromHash('#backend=cpu').backend).toBe('cpu');
    expect(viewFromHash('#backend=webgl').backend).toBe('webgl');
    expect(viewFromHash('#backend=auto').backend).toBeNull();
    expect(viewFromHash('#act=relu').backend).toBeNull();
  });

  it('ignores unknown or hostile backend names', () => {
    for (const text of ['tensorflow', 'WASM ', '<script>', 'webgpu', '']) {
      expect(viewFromHash(`#backend=${encodeURIComponent(text)}`).backend).toBeNull();
    }
  });

  it('round-trips through the hash suffix and is not an experiment setting', () => {
    const view = {
      ...DEFAULT_VIEW,
      backend: 'wasm' as const,
      sweep: { axes: [{ key: 'gain' as const, from: 0.5, to: 2, count: 4 }], steps: 10 },
    };
    const suffix = viewToHashSuffix(view);
    expect(viewFromHash(`#act=tanh${suffix}`)).toEqual(view);
    // The experiment decoder skips it without a repair notice.
    expect(decodeConfig(`#act=tanh${suffix}`).repairs).toEqual([]);
  });
});
