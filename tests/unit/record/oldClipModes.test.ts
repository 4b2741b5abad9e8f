import { describe, expect, it } from 'vitest';
import { parseRunRecordJson, parseRunRecordSetJson } from '../../../src/record/runRecord';

/** The clip parts of a record as the CLI wrote them before per-tensor clipping was renamed. */
const OLD_RECORD = {
  version: 1,
  link: '#clip=layerNorm:2',
  variant: 'a',
  clip: { mode: 'layerNorm', threshold: 2 },
  config: { gradient: { clip: { mode: 'layerNorm', threshold: 2 } } },
  steps: [{ step: 1, globalNorm: 'Infinity' }],
};

describe('run records written before the tensorNorm rename', () => {
  it('read the old clip mode layerNorm as tensorNorm, in clip and in the config', () => {
    const record = parseRunRecordJson(JSON.stringify(OLD_RECORD));
    expect(record.clip).toEqual({ mode: 'tensorNorm', threshold: 2 });
    expect(record.config.gradient.clip).toEqual({ mode: 'tensorNorm', threshold: 2 });
    // the rest reads as before, non-finite strings included
    expect(record.steps[0]!.globalNorm).toBe(Infinity);
  });

  it('read every run of a set the same way', () => {
    const { runs } = parseRunRecordSetJson(JSON.stringify({ runs: [OLD_RECORD, OLD_RECORD] }));
    expect(runs.map((r) => r.clip.mode)).toEqual(['tensorNorm', 'tensorNorm']);
  });

  it('leave today’s mode names alone', () => {
    const today = { ...OLD_RECORD, clip: { mode: 'globalNorm', threshold: 1 } };
    expect(parseRunRecordJson(JSON.stringify(today)).clip.mode).toBe('globalNorm');
  });
});
