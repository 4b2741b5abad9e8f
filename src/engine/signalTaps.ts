import type { DenseLayer } from './network';
import * as tf from './tf';

/**
 * Catches the backpropagated signal dL/dz of every layer during the one backward pass that also
 * gives the parameter gradients.
 *
 * A feed-forward layer's z is formed by an op whose gradient is tfjs's own gradient of the
 * kernel that makes z (the bias Add, or the MatMul without a bias), fed with dL/dz, which it
 * keeps on the way (`dense`). The backward tape is then exactly as long as without metrics and
 * the gradients are computed by the same ops in the same order, so every number is the same.
 * The earlier way, an identity op on z whose gradient kept dy, added a tape node and two
 * reshapes per layer, and tfjs's backprop bookkeeping (getFilteredNodesXToY and
 * backpropagateGradients) grows with the tape: about 10 % of the step on wasm, 32 x 16.
 *
 * A view is a reshape to the same shape: a new tensor on the same data on every backend. A
 * clone is that too on cpu and WebGL, but on wasm tfjs's Identity kernel allocates and copies.
 */
const viewOf = (t: tf.Tensor): tf.Tensor => tf.reshape(t, t.shape);

export class SignalTaps {
  private readonly caught: (tf.Tensor | null)[];
  /** The pre-activations z seen on the way forward, kept only while `keepForward` is set. */
  private readonly forward: (tf.Tensor | null)[];
  /** Set to also keep each layer's z (for the distributions); off, the taps cost nothing more. */
  keepForward = false;
  private readonly taps: ((z: tf.Tensor) => tf.Tensor)[];

  constructor(layerCount: number) {
    this.caught = new Array<tf.Tensor | null>(layerCount).fill(null);
    this.forward = new Array<tf.Tensor | null>(layerCount).fill(null);
    this.taps = this.caught.map((_, layer) =>
      tf.customGrad((z) => ({
        value: viewOf(z as tf.Tensor),
        gradFunc: (dy: tf.Tensor) => {
          this.caught[layer]?.dispose();
          // A handle of our own on dy's data, kept past tf.grads's tidy, so nothing tfjs does
          // with dy afterwards can dispose what was caught.
          this.caught[layer] = tf.keep(viewOf(dy));
          return dy;
        },
      })),
    );
  }

  /**
   * For recurrentForward(): returns z (there h_t) unchanged, with an identity tap on it: h_t is
   * made by several ops and also feeds the next step, so the tap stays a node of its own.
   */
  readonly tap = (layer: number, z: tf.Tensor): tf.Tensor => {
    const tapOf = this.taps[layer];
    if (!tapOf) throw new Error(`no tap for layer ${layer}`);
    this.keepPreActivation(layer, z);
    return tapOf(z);
  };

  /**
   * For forward(): a layer's z = h W (+ b), formed by an op that catches dL/dz (see above).
   * The first layer's h is the batch, a constant, so its MatMul has no input gradient to
   * compute, as in tfjs's own backward pass.
   */
  readonly dense: DenseLayer = (layer, h, kernel, bias) => {
    const keep = (dy: tf.Tensor) => this.catchSignal(layer, dy);
    const z = bias
      ? catchingOp('Add', { a: tf.matMul(h, kernel), b: bias }, {}, ['a', 'b'], keep)
      : catchingOp(
          'BatchMatMul',
          { a: h, b: kernel },
          { transposeA: false, transposeB: false },
          layer === 0 ? ['b'] : ['a', 'b'],
          keep,
        );
    this.keepPreActivation(layer, z);
    return z;
  };

  private keepPreActivation(layer: number, z: tf.Tensor): void {
    if (!this.keepForward) return;
    this.forward[layer]?.dispose();
    this.forward[layer] = tf.keep(viewOf(z));
  }

  /**
   * Keeps dL/dz itself past tf.grads's tidy. tfjs disposes a gradient by hand only when it
   * adds another into it, and dL/dz is complete (every consumer of z done) before the op that
   * made z is reached; what the op returns are new tensors, so dy is no other tensor's gradient.
   */
  private catchSignal(layer: number, dy: tf.Tensor): void {
    this.caught[layer]?.dispose();
    this.caught[layer] = tf.keep(dy);
  }

  /**
   * The signals caught by the last backward pass, in layer order. The caller owns them (they
   * are kept, so no tidy disposes them) and must dispose them.
   */
  take(): tf.Tensor[] {
    const signals = this.caught.map((signal, layer) => {
      if (!signal) throw new Error(`no signal was caught for layer ${layer}`);
      return signal;
    });
    this.caught.fill(null);
    return signals;
  }

  /** The pre-activations kept by the last forward pass (with keepForward); the caller owns them. */
  takeForward(): tf.Tensor[] {
    const kept = this.forward.map((z, layer) => {
      if (!z) throw new Error(`no pre-activation was kept for layer ${layer}`);
      return z;
    });
    this.forward.fill(null);
    return kept;
  }
}

/**
 * tfjs kernel `kernelName` on `inputs` (with `attrs`), as one differentiable op whose gradient
 * is tfjs's registered gradient of that kernel, given dy = dL/d(output), which `catchDy` sees
 * first. Only the inputs named in `differentiated` get gradients; the others are constants.
 *
 * tfjs keeps a copy of every input a gradient names (inputsToSave), since tf.grads disposes the
 * forward pass's tensors before the backward pass; so does this op through customGrad's save,
 * except for Add, whose gradient reads only its inputs' shapes (a sum over the broadcast axes
 * and a reshape of dy): two copies per layer fewer than tfjs's own Add, the same numbers.
 */
function catchingOp(
  kernelName: 'Add' | 'BatchMatMul',
  inputs: Record<'a' | 'b', tf.Tensor>,
  attrs: tf.NamedAttrMap,
  differentiated: readonly ('a' | 'b')[],
  catchDy: (dy: tf.Tensor) => void,
): tf.Tensor {
  const gradient = tf.getGradient(kernelName);
  const names = (gradient.inputsToSave ?? []) as ('a' | 'b')[];
  const copied = kernelName !== 'Add';
  return tf.customGrad((...args) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    if (copied) save(names.map((name) => inputs[name]));
    return {
      value: tf.engine().runKernel(kernelName, inputs, attrs) as tf.Tensor,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const dz = dy as tf.Tensor;
        catchDy(dz);
        // Add's gradient is given the inputs themselves, only for their shapes.
        const perInput = gradient.gradFunc(
          dz,
          copied ? saved : names.map((name) => inputs[name]),
          attrs,
        );
        return differentiated.map((name) => (perInput[name] as () => tf.Tensor)());
      },
    };
  })(...differentiated.map((name) => inputs[name]));
}
