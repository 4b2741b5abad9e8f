import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import type { RunView } from '../../../src/session/sessionTypes';
import { useSessionStore } from '../../../src/store/sessionStore';
import { createStoreSink } from '../../../src/store/storeSink';

/** What the session keeps from one publication to the next (its trainer's layer list). */
const LAYERS: RunView['layers'] = [];
const WEIGHTS = { identical: true, notes: [] } as unknown as RunView['weights'];

function view(letter: RunView['letter'], step: number, state: RunView['state']): RunView {
  return {
    letter,
    config: DEFAULT_CONFIG,
    layers: LAYERS,
    step,
    state,
    event: null,
    weights: WEIGHTS,
    difference: letter === 'a' ? '' : 'lr 0.01',
  };
}

describe('the runs the page shows', () => {
  it('stay the same objects while only their steps move, and the steps are kept apart', () => {
    const sink = createStoreSink();
    sink.runs([view('a', 10, 'training'), view('b', 10, 'training')]);
    const first = useSessionStore.getState().runs;
    sink.runs([view('a', 20, 'training'), view('b', 20, 'training')]);
    const state = useSessionStore.getState();
    expect(state.runs).toBe(first);
    expect(state.runs[0]).not.toHaveProperty('step');
    expect(state.runSteps).toEqual({ a: 20, b: 20 });
  });

  it('replace the entry of a run that changed, and only that one', () => {
    const sink = createStoreSink();
    sink.runs([view('a', 10, 'training'), view('b', 10, 'training')]);
    const [a, b] = useSessionStore.getState().runs;
    sink.runs([view('a', 30, 'training'), view('b', 30, 'halted')]);
    const runs = useSessionStore.getState().runs;
    expect(runs[0]).toBe(a);
    expect(runs[1]).not.toBe(b);
    expect(runs[1]?.state).toBe('halted');
  });

  it('follow runs that come and go', () => {
    const sink = createStoreSink();
    sink.runs([view('a', 0, 'training'), view('b', 0, 'training')]);
    sink.runs([view('a', 0, 'training')]);
    expect(useSessionStore.getState().runs.map((r) => r.letter)).toEqual(['a']);
    expect(useSessionStore.getState().runSteps).toEqual({ a: 0 });
  });
});
