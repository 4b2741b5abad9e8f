import * as tf from './tf';

/**
 * Catches the backpropagated signal dL/dz of every layer during the one backward pass that also
 * gives the parameter gradients.
 *
 * Each tap is a view of z whose gradient function passes dy through unchanged and keeps a
 * handle to it. Both directions are free on every backend, where the earlier way, adding a zero
 * "probe" tensor to z and differentiating with respect to the probe, cost one add per layer and
 * per step (9 of the 57 extra WebGL programs per step of the 8 x 32 network).
 *
 * A view is a reshape to the same shape: a new tensor on the same data on every backend. A
 * clone is that too on cpu and WebGL, but on wasm tfjs's Identity kernel allocates and copies
 * (18 copies per step of the 8 x 32 network, 27 with the distributions on).
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

  /** For forward(): returns z unchanged, with the tap on it. */
  readonly tap = (layer: number, z: tf.Tensor): tf.Tensor => {
    const tapOf = this.taps[layer];
    if (!tapOf) throw new Error(`no tap for layer ${layer}`);
    if (this.keepForward) {
      this.forward[layer]?.dispose();
      this.forward[layer] = tf.keep(viewOf(z));
    }
    return tapOf(z);
  };

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
