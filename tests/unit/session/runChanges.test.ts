import { describe, expect, it } from 'vitest';
import { planRunChanges, type PlannedRun } from '../../../src/session/runChanges';
import { configWith } from '../../support/configs';

const BASE = configWith({ network: { hidden: [8, 8] } });
const run = (letter: PlannedRun['letter'], config = BASE): PlannedRun => ({ letter, config });
const withLr = (lr: number) =>
  configWith({ ...BASE, optimizer: { ...BASE.optimizer, learningRate: lr } });

describe('planRunChanges: the one place that decides restart or live', () => {
  it('changes nothing when no run trains on anything new', () => {
    expect(planRunChanges([run('a'), run('b')], [run('a'), run('b')])).toEqual({ kind: 'none' });
  });

  it('applies live settings to the runs whose live settings changed, and only those', () => {
    expect(planRunChanges([run('a'), run('b')], [run('a'), run('b', withLr(0.3))])).toEqual({
      kind: 'live',
      live: ['b'],
      removed: [],
    });
  });

  it('restarts every run when one run needs a new network, even if the others do not', () => {
    const wider = configWith({ ...BASE, network: { ...BASE.network, hidden: [16, 8] } });
    expect(planRunChanges([run('a'), run('b')], [run('a'), run('b', wider)])).toMatchObject({
      kind: 'restart',
      reason: 'config',
    });
  });

  it('restarts when the model changes: its kind, or a recurrent cell, T, units or init', () => {
    const rnn = configWith({
      ...BASE,
      model: {
        kind: 'rnn',
        cell: 'rnn',
        timeSteps: 10,
        units: 8,
        recurrentInit: { kind: 'orthogonal', gain: 1 },
        forgetBias: 1,
      },
    });
    const restart = { kind: 'restart', reason: 'config' };
    expect(planRunChanges([run('a')], [run('a', rnn)])).toMatchObject(restart);
    for (const model of [
      { cell: 'lstm' as const },
      { timeSteps: 11 },
      { units: 9 },
      { recurrentInit: { kind: 'orthogonal' as const, gain: 1.1 } },
    ]) {
      const next = configWith({ ...rnn, model: { ...rnn.model, ...model } as typeof rnn.model });
      expect(planRunChanges([run('a', rnn)], [run('a', next)])).toMatchObject(restart);
    }
  });

  it('restarts every run when a variant is added, so all start at step 0', () => {
    expect(planRunChanges([run('a')], [run('a'), run('c')])).toMatchObject({
      kind: 'restart',
      reason: 'added',
    });
  });

  it('removes a variant without touching the others', () => {
    expect(planRunChanges([run('a'), run('b'), run('c')], [run('a'), run('c')])).toEqual({
      kind: 'live',
      live: [],
      removed: ['b'],
    });
  });
});
