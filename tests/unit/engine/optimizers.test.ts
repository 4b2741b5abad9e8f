import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig } from '../../../src/config/schema';
import { createOptimizer } from '../../../src/engine/optimizers';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/**
 * PyTorch's documented update rules (torch.optim.SGD / Adam / RMSprop pseudo-code), written
 * independently in float64 for one scalar parameter.
 */
function pytorchTrajectory(config: OptimizerConfig, p0: number, grads: number[]): number[] {
  let p = p0;
  let b = 0;
  let m = 0;
  let v = 0;
  const out: number[] = [];
  grads.forEach((g, index) => {
    const t = index + 1;
    switch (config.kind) {
      case 'sgd':
        p -= config.learningRate * g;
        break;
      case 'momentum':
        b = t === 1 ? g : config.momentum * b + g;
        p -= config.learningRate * (config.nesterov ? g + config.momentum * b : b);
        break;
      case 'adam': {
        m = config.beta1 * m + (1 - config.beta1) * g;
        v = config.beta2 * v + (1 - config.beta2) * g * g;
        const mHat = m / (1 - config.beta1 ** t);
        const vHat = v / (1 - config.beta2 ** t);
        p -= (config.learningRate * mHat) / (Math.sqrt(vHat) + config.epsilon);
        break;
      }
      case 'rmsprop': {
        v = config.rho * v + (1 - config.rho) * g * g;
        const u = g / (Math.sqrt(v) + config.epsilon);
        if (config.momentum > 0) {
          b = config.momentum * b + u;
          p -= config.learningRate * b;
        } else p -= config.learningRate * u;
        break;
      }
    }
    out.push(p);
  });
  return out;
}

function engineTrajectory(config: OptimizerConfig, p0: number, grads: number[]): number[] {
  const param = tf.variable(tf.scalar(p0));
  const optimizer = createOptimizer(config, [param]);
  const out = grads.map((g) => {
    tf.tidy(() => optimizer.apply([param], [tf.scalar(g)]));
    return param.dataSync()[0]!;
  });
  optimizer.dispose();
  param.dispose();
  return out;
}

const GRADS = [0.5, -1.2, 3, 0.01, -0.7, 2.2, 0, 1e-3];
const CASES: OptimizerConfig[] = [
  { kind: 'sgd', learningRate: 0.1 },
  { kind: 'momentum', learningRate: 0.05, momentum: 0.9, nesterov: false },
  { kind: 'momentum', learningRate: 0.05, momentum: 0.8, nesterov: true },
  { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { kind: 'adam', learningRate: 0.1, beta1: 0.5, beta2: 0.9, epsilon: 1e-3 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.99, momentum: 0, epsilon: 1e-8 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0.5, epsilon: 1e-6 },
];

describe('optimizers follow PyTorch update rules', () => {
  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))('%s', (_name, config) => {
    const expected = pytorchTrajectory(config, 1.5, GRADS);
    const actual = engineTrajectory(config, 1.5, GRADS);
    // float32 parameters: agree to ~1e-6 relative.
    actual.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
  });

  it('changing the learning rate live keeps the optimizer state', () => {
    const config: OptimizerConfig = {
      kind: 'momentum',
      learningRate: 0.1,
      momentum: 0.9,
      nesterov: false,
    };
    const param = tf.variable(tf.scalar(0));
    const optimizer = createOptimizer(config, [param]);
    tf.tidy(() => optimizer.apply([param], [tf.scalar(1)])); // b = 1, p = -0.1
    optimizer.setConfig({ ...config, learningRate: 1 });
    tf.tidy(() => optimizer.apply([param], [tf.scalar(0)])); // b = 0.9, p = -0.1 - 0.9
    expect(param.dataSync()[0]).toBeCloseTo(-1, 6);
    optimizer.dispose();
    param.dispose();
  });

  it('refuses to change the optimizer kind live', () => {
    const param = tf.variable(tf.scalar(0));
    const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.1 }, [param]);
    expect(() =>
      optimizer.setConfig({
        kind: 'adam',
        learningRate: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
      }),
    ).toThrow();
    optimizer.dispose();
    param.dispose();
  });
});
