/**
 * An independent float64 reference for recurrent networks, in plain JavaScript loops (no tfjs):
 * the forward pass of the vanilla, LSTM and GRU cells written from their textbook equations
 * (PyTorch's, with the GRU's recurrent-side bias at 0), the vanilla cell's BPTT written out by
 * hand, and central finite differences for any cell.
 */

export type RefCell = 'rnn' | 'lstm' | 'gru';
export type RefActivation = 'tanh' | 'linear' | 'relu' | 'sigmoid';

/** Weights by name, row-major, as the record's `initial.weights` holds them. */
export type RefWeights = Map<string, { shape: number[]; values: Float64Array }>;

const GATES: Record<RefCell, string[]> = {
  rnn: [''],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
function phi(act: RefActivation, x: number): number {
  switch (act) {
    case 'tanh':
      return Math.tanh(x);
    case 'linear':
      return x;
    case 'relu':
      return Math.max(0, x);
    case 'sigmoid':
      return sigmoid(x);
  }
}
function phiPrime(act: RefActivation, x: number): number {
  switch (act) {
    case 'tanh':
      return 1 - Math.tanh(x) ** 2;
    case 'linear':
      return 1;
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'sigmoid':
      return sigmoid(x) * (1 - sigmoid(x));
  }
}

export function refWeights(
  list: { name: string; shape: number[]; values: number[] }[],
): RefWeights {
  return new Map(
    list.map((w) => [w.name, { shape: w.shape, values: Float64Array.from(w.values) }]),
  );
}

function weight(w: RefWeights, name: string): Float64Array | null {
  return w.get(name)?.values ?? null;
}

/** v [u_in] times M [u_in, u_out] (row-major), plus optional bias. */
function affine(v: ArrayLike<number>, m: Float64Array, cols: number, bias: Float64Array | null) {
  const out = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = bias ? (bias[j] as number) : 0;
    for (let i = 0; i < v.length; i++) s += (v[i] as number) * (m[i * cols + j] as number);
    out[j] = s;
  }
  return out;
}

export interface RefSpec {
  cell: RefCell;
  act: RefActivation;
  units: number;
}

/** Names as the engine gives them: W_x, W_h, b_h (vanilla); W_xi, W_hi, b_i ... (gated). */
function names(cell: RefCell, gate: string) {
  return cell === 'rnn'
    ? { wx: 'W_x', wh: 'W_h', b: 'b_h' }
    : { wx: `W_x${gate}`, wh: `W_h${gate}`, b: `b_${gate}` };
}

/**
 * The MSE at the last step over a batch of sequences x [batch][T][in]. `nudge`, when given,
 * adds `delta` to unit `unit` of h_t of sequence `row` right after it is computed.
 */
export function refLoss(
  spec: RefSpec,
  w: RefWeights,
  x: number[][][],
  y: number[][],
  nudge?: { row: number; t: number; unit: number; delta: number },
): number {
  const u = spec.units;
  let total = 0;
  x.forEach((sequence, row) => {
    let h = new Float64Array(u);
    let c = new Float64Array(u);
    sequence.forEach((xt, t) => {
      const pre = (gate: string, hIn: Float64Array) => {
        const n = names(spec.cell, gate);
        const a = affine(xt, weight(w, n.wx)!, u, weight(w, n.b));
        const r = affine(hIn, weight(w, n.wh)!, u, null);
        return { a, r };
      };
      const next = new Float64Array(u);
      if (spec.cell === 'rnn') {
        const { a, r } = pre('', h);
        for (let k = 0; k < u; k++) next[k] = phi(spec.act, a[k]! + r[k]!);
      } else if (spec.cell === 'lstm') {
        const [i, f, g, o] = GATES.lstm.map((gate) => pre(gate, h));
        const cNext = new Float64Array(u);
        for (let k = 0; k < u; k++) {
          cNext[k] =
            sigmoid(f!.a[k]! + f!.r[k]!) * c[k]! +
            sigmoid(i!.a[k]! + i!.r[k]!) * phi(spec.act, g!.a[k]! + g!.r[k]!);
          next[k] = sigmoid(o!.a[k]! + o!.r[k]!) * phi(spec.act, cNext[k]!);
        }
        c = cNext;
      } else {
        const [r, z, n] = GATES.gru.map((gate) => pre(gate, h));
        for (let k = 0; k < u; k++) {
          const rk = sigmoid(r!.a[k]! + r!.r[k]!);
          const zk = sigmoid(z!.a[k]! + z!.r[k]!);
          const nk = phi(spec.act, n!.a[k]! + rk * n!.r[k]!);
          next[k] = (1 - zk) * nk + zk * h[k]!;
        }
      }
      if (nudge && nudge.row === row && nudge.t === t) addAt(next, nudge.unit, nudge.delta);
      h = next;
    });
    const out = affine(h, weight(w, 'W_y')!, 1, weight(w, 'b_y'))[0]!;
    total += (out - y[row]![0]!) ** 2;
  });
  return total / x.length;
}

/** Central difference of the loss along every element of every weight. */
export function refGradsByDifferences(
  spec: RefSpec,
  w: RefWeights,
  x: number[][][],
  y: number[][],
  h = 1e-6,
): Map<string, Float64Array> {
  const grads = new Map<string, Float64Array>();
  for (const [name, { values }] of w) {
    const g = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const keep = values[i]!;
      values[i] = keep + h;
      const up = refLoss(spec, w, x, y);
      values[i] = keep - h;
      const down = refLoss(spec, w, x, y);
      values[i] = keep;
      g[i] = (up - down) / (2 * h);
    }
    grads.set(name, g);
  }
  return grads;
}

/** ||dL/dh_t||_F over the batch for t = 1..T, by central differences on each h_t. */
export function refTimeSignalsByDifferences(
  spec: RefSpec,
  w: RefWeights,
  x: number[][][],
  y: number[][],
  h = 1e-6,
): number[] {
  const T = x[0]!.length;
  return Array.from({ length: T }, (_, t) => {
    let sum = 0;
    for (let row = 0; row < x.length; row++) {
      for (let unit = 0; unit < spec.units; unit++) {
        const up = refLoss(spec, w, x, y, { row, t, unit, delta: h });
        const down = refLoss(spec, w, x, y, { row, t, unit, delta: -h });
        sum += ((up - down) / (2 * h)) ** 2;
      }
    }
    return Math.sqrt(sum);
  });
}

/**
 * The vanilla cell's BPTT written out (Werbos 1990): a_t = x_t W_x + h_{t-1} W_h + b,
 * h_t = phi(a_t), y = h_T W_y + b_y, L = mean (y - target)^2; going back,
 * dh_T = dL/dy W_y^T, da_t = dh_t * phi'(a_t), dh_{t-1} = da_t W_h^T, and each weight's
 * gradient sums its outer products over time.
 */
export function refVanillaBptt(
  act: RefActivation,
  units: number,
  w: RefWeights,
  x: number[][][],
  y: number[][],
): { loss: number; grads: Map<string, Float64Array>; timeSignal: number[] } {
  const u = units;
  const B = x.length;
  const T = x[0]!.length;
  const inputs = x[0]![0]!.length;
  const wx = weight(w, 'W_x')!;
  const wh = weight(w, 'W_h')!;
  const wy = weight(w, 'W_y')!;
  const grads = new Map<string, Float64Array>([
    ['W_x', new Float64Array(inputs * u)],
    ['W_h', new Float64Array(u * u)],
    ['b_h', new Float64Array(u)],
    ['W_y', new Float64Array(u)],
    ['b_y', new Float64Array(1)],
  ]);
  const signalSquares = new Float64Array(T);
  let loss = 0;
  for (let row = 0; row < B; row++) {
    const hs: Float64Array[] = [new Float64Array(u)];
    const as: Float64Array[] = [];
    for (let t = 0; t < T; t++) {
      const a = affine(x[row]![t]!, wx, u, weight(w, 'b_h'));
      const r = affine(hs[t]!, wh, u, null);
      for (let k = 0; k < u; k++) a[k] = a[k]! + r[k]!;
      as.push(a);
      hs.push(a.map((v) => phi(act, v)));
    }
    const out = affine(hs[T]!, wy, 1, weight(w, 'b_y'))[0]!;
    const diff = out - y[row]![0]!;
    loss += diff * diff;
    const dy = (2 * diff) / B;
    addAt(grads.get('b_y')!, 0, dy);
    let dh = new Float64Array(u);
    for (let k = 0; k < u; k++) {
      addAt(grads.get('W_y')!, k, hs[T]![k]! * dy);
      dh[k] = wy[k]! * dy;
    }
    for (let t = T - 1; t >= 0; t--) {
      addAt(
        signalSquares,
        t,
        dh.reduce((s, v) => s + v * v, 0),
      );
      const da = dh.map((v, k) => v * phiPrime(act, as[t]![k]!));
      for (let k = 0; k < u; k++) {
        addAt(grads.get('b_h')!, k, da[k]!);
        for (let i = 0; i < inputs; i++)
          addAt(grads.get('W_x')!, i * u + k, x[row]![t]![i]! * da[k]!);
        for (let j = 0; j < u; j++) addAt(grads.get('W_h')!, j * u + k, hs[t]![j]! * da[k]!);
      }
      const back = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        let s = 0;
        for (let k = 0; k < u; k++) s += da[k]! * wh[j * u + k]!;
        back[j] = s;
      }
      dh = back;
    }
  }
  return { loss: loss / B, grads, timeSignal: Array.from(signalSquares, Math.sqrt) };
}

function addAt(array: Float64Array, index: number, value: number): void {
  array[index] = (array[index] as number) + value;
}

export function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i] as number) ** 2;
  return Math.sqrt(s);
}
