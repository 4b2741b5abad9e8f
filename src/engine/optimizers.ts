import * as tf from './tf';
import type { OptimizerConfig } from '../config/schema';

/**
 * Optimizers written out in tfjs ops, following PyTorch's update rules exactly, so that
 * epsilon is always explicit (tfjs's own optimizers default to 1e-4 on WebGL), hyperparameters
 * can change live without losing state, and every step is a handful of fused-friendly ops.
 * With g the (clipped) gradient and p a parameter:
 * - sgd:      p -= lr g
 * - momentum: b = mu b + g;  p -= lr b           (nesterov: p -= lr (g + mu b))
 * - adam:     m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
 *             p -= (lr / (1-b1^t)) m / (sqrt(v) / sqrt(1-b2^t) + eps)
 * - rmsprop:  v = rho v + (1-rho) g^2;  u = g / (sqrt(v) + eps);
 *             momentum > 0: b = mom b + u, p -= lr b;  else p -= lr u
 */
export interface Optimizer {
  readonly kind: OptimizerConfig['kind'];
  /** Applies one update. Call inside tf.tidy. */
  apply(params: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
  /** Changes hyperparameters of the same kind, keeping the optimizer's state. */
  setConfig(config: OptimizerConfig): void;
  dispose(): void;
}

function zeroSlots(params: readonly tf.Variable[]): tf.Variable[] {
  return params.map((p) => tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
}

export function createOptimizer(
  initial: OptimizerConfig,
  params: readonly tf.Variable[],
): Optimizer {
  let config = initial;
  let stepCount = 0;
  // First and second moment slots; allocated only for the kinds that use them.
  const first =
    initial.kind === 'momentum' ||
    (initial.kind === 'rmsprop' && initial.momentum > 0) ||
    initial.kind === 'adam'
      ? zeroSlots(params)
      : [];
  const second = initial.kind === 'adam' || initial.kind === 'rmsprop' ? zeroSlots(params) : [];
  // rmsprop may gain momentum live; its buffer is created on first use.
  let lazyFirst = first;

  return {
    kind: initial.kind,
    setConfig(next) {
      if (next.kind !== config.kind) throw new Error('optimizer kind cannot change live');
      config = next;
    },
    apply(ps, gs) {
      stepCount += 1;
      const c = config;
      const lr = c.learningRate;
      ps.forEach((p, i) => {
        const g = gs[i] as tf.Tensor;
        switch (c.kind) {
          case 'sgd':
            p.assign(tf.sub(p, tf.mul(g, lr)));
            break;
          case 'momentum': {
            const b = first[i] as tf.Variable;
            const nextB = tf.add(tf.mul(b, c.momentum), g);
            b.assign(nextB);
            const direction = c.nesterov ? tf.add(g, tf.mul(nextB, c.momentum)) : nextB;
            p.assign(tf.sub(p, tf.mul(direction, lr)));
            break;
          }
          case 'adam': {
            const m = first[i] as tf.Variable;
            const v = second[i] as tf.Variable;
            const nextM = tf.add(tf.mul(m, c.beta1), tf.mul(g, 1 - c.beta1));
            const nextV = tf.add(tf.mul(v, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
            m.assign(nextM);
            v.assign(nextV);
            const bc1 = 1 - c.beta1 ** stepCount;
            const sqrtBc2 = Math.sqrt(1 - c.beta2 ** stepCount);
            const denom = tf.add(tf.div(tf.sqrt(nextV), sqrtBc2), c.epsilon);
            p.assign(tf.sub(p, tf.mul(tf.div(nextM, denom), lr / bc1)));
            break;
          }
          case 'rmsprop': {
            const v = second[i] as tf.Variable;
            const nextV = tf.add(tf.mul(v, c.rho), tf.mul(tf.square(g), 1 - c.rho));
            v.assign(nextV);
            const u = tf.div(g, tf.add(tf.sqrt(nextV), c.epsilon));
            if (c.momentum > 0) {
              if (lazyFirst.length === 0) lazyFirst = zeroSlots(ps);
              const b = lazyFirst[i] as tf.Variable;
              const nextB = tf.add(tf.mul(b, c.momentum), u);
              b.assign(nextB);
              p.assign(tf.sub(p, tf.mul(nextB, lr)));
            } else {
              p.assign(tf.sub(p, tf.mul(u, lr)));
            }
            break;
          }
        }
      });
    },
    dispose() {
      for (const slot of [...new Set([...first, ...lazyFirst, ...second])]) slot.dispose();
    },
  };
}
