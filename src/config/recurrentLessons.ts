/**
 * Lessons on recurrent networks, where exploding and vanishing gradients were first analysed
 * (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013). Each runs the adding
 * problem with the loss at the last time step only, so ||dL/dh_t|| shows how far back in time
 * the gradient reaches; their observations are checked like every lesson's (lessonChecks.ts).

 */
import type { LessonBody } from './lessons';

/** The recurrent lessons' texts and checks, by lesson id (their links: lessonHeads.ts). */
export const RECURRENT_LESSON_BODIES: Readonly<Record<string, LessonBody>> = {
  'rnn-vanishes-lstm-forget-gate': {
    summary:
      'The loss of the adding problem is taken at the last of T = 100 steps, so the signal ' +
      '‖dL/dh_t‖ shows how far back in time the gradient reaches: in a plain tanh RNN it fades ' +
      'at every step back, and an LSTM keeps it only when its forget gate starts open.',
    observations: [
      {
        text:
          'Run A, a plain tanh RNN with orthogonal recurrent weights (gain 1, its best case): ' +
          'at step 1 the signal at the first time step, ‖dL/dh_1‖, is less than a hundredth ' +
          'of the signal at the last, ‖dL/dh_T‖.',
        checks: [{ run: 'a', kind: 'timeSignalRatio', atStep: 1, range: [0, 1e-2] }],
      },
      {
        text:
          'Run B, an LSTM with the usual forget-gate bias of 1: at step 1 its ‖dL/dh_1‖ is ' +
          'also less than a hundredth of its ‖dL/dh_T‖, so the LSTM alone is no cure.',
        checks: [{ run: 'b', kind: 'timeSignalRatio', atStep: 1, range: [0, 1e-2] }],
      },
      {
        text:
          'Run C, the same LSTM with forget-gate bias 3 (c.fbias=3): at step 1 its ‖dL/dh_1‖ ' +
          'is more than a tenth of its ‖dL/dh_T‖, so the gradient reaches all the way back.',
        checks: [{ run: 'c', kind: 'timeSignalRatio', atStep: 1, range: [0.1, Infinity] }],
      },
      {
        text:
          "Only at the start: C's first gradient is large (its global norm is above 100 at " +
          'step 1), and after that unclipped update its gradient fades too: at step 2 its ' +
          '‖dL/dh_1‖ is less than a hundredth of its ‖dL/dh_T‖.',
        checks: [
          { run: 'c', kind: 'globalNormAbove', threshold: 100, withinSteps: 1 },
          { run: 'c', kind: 'timeSignalRatio', atStep: 2, range: [0, 1e-2] },
        ],
      },
    ],
    why:
      "The LSTM's cell state carries the gradient back multiplied by the forget gate " +
      'f = σ(b_f + …) at every step. With b_f = 1, f starts near σ(1) ≈ 0.73, and ' +
      '0.73^99 ≈ 3·10⁻¹⁴: that path is shut, and what reaches h_1 goes through the recurrent ' +
      'weights as in the plain RNN. With b_f = 3, f starts near σ(3) ≈ 0.95 and the cell keeps ' +
      'its state (Gers, Schmidhuber & Cummins 2000; Jozefowicz, Zaremba & Sutskever 2015). ' +
      'B and C start from identical weights but for b_f, the change; A cannot: a plain cell ' +
      'has one set of weights where an LSTM has four gates.',
    tryNext:
      'Clip C (c.clip=globalNorm:1): does its gradient still reach back after step 1? Or try ' +
      'c.fbias=5, or a longer sequence for every run (T=200).',
  },
  'rnn-gain-explodes-clip': {
    summary:
      'A tanh RNN whose recurrent weights are 2·Q (Q orthogonal, every singular value 2) ' +
      'amplifies the gradient at each step back in time and its training diverges, while the ' +
      'same run with its global gradient norm clipped (Pascanu, Mikolov & Bengio 2013) trains on.',
    observations: [
      {
        text:
          'At step 1 the signal grows going back in time: ‖dL/dh_1‖ is more than 10 times ' +
          '‖dL/dh_T‖ over the T = 30 steps.',
        checks: [{ run: 'a', kind: 'timeSignalRatio', atStep: 1, range: [10, Infinity] }],
      },
      {
        text:
          'Run A, unclipped: the loss and the gradients blow up, and within 100 steps a value ' +
          'is no longer finite and training stops itself.',
        checks: [{ run: 'a', kind: 'halts', withinSteps: 100 }],
      },
      {
        text:
          'Run B, clipped at a global norm of 1 (b.clip=globalNorm:1): within 5 steps its ' +
          'global norm before clipping is above 1, and after clipping it is never above 1.',
        checks: [
          { run: 'b', kind: 'globalNormAbove', threshold: 1, withinSteps: 5 },
          { run: 'b', kind: 'clippedGlobalNormAtMost', threshold: 1 },
        ],
      },
      {
        text: 'B trains 60 steps without a non-finite value, and its loss goes down.',
        checks: [
          { run: 'b', kind: 'staysFinite', steps: 60 },
          { run: 'b', kind: 'lossFalls', steps: 60 },
        ],
      },
      {
        text:
          'Clipping shortens the step, not the growth through time: at step 60, B’s ' +
          '‖dL/dh_1‖ is still more than 5 times its ‖dL/dh_T‖.',
        checks: [{ run: 'b', kind: 'timeSignalRatio', atStep: 60, range: [5, Infinity] }],
      },
    ],
    why:
      'In a linear RNN with W_h = g·Q the gradient grows by exactly g per step back, ' +
      '2^29 ≈ 5·10⁸ here; the slope of tanh, at most 1, tames that but not enough (it can only ' +
      "explode when W_h's largest singular value exceeds 1, Pascanu's condition for tanh). " +
      'A and B start from identical weights and batches. Clipping scales every gradient by ' +
      'c / G when the global norm G is above c: the direction is kept and only the step is ' +
      'bounded.',
    tryNext:
      'Set the recurrent gain to 1.5 (rinit=orthogonal:1.5), or clip A too at a larger ' +
      'threshold (clip=globalNorm:10): does it still diverge?',
  },
};
