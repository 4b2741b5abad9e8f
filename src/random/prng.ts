/**
 * Seeded, platform-independent random numbers. Everything random in Gradscope (datasets,
 * initial weights, batch order) comes from here rather than from tfjs, whose random ops differ
 * between backends and treat seed 0 as "unseeded". Uniform draws use only 32-bit integer maths,
 * so they are identical everywhere; normal draws also use Math.log/sin/cos, which V8 (Chrome,
 * Edge, Node) computes identically, while other engines may differ in the last bit of rare values.
 */

export interface Prng {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** Mixes a 32-bit value (the finaliser of MurmurHash3), so nearby seeds give unrelated streams. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed for one purpose derived from a base seed and a label, e.g. deriveSeed(7, 'kernel', 3).
 * Every seed, including 0, yields a distinct, fully deterministic stream.
 */
export function deriveSeed(base: number, ...labels: (string | number)[]): number {
  let h = mix32((base >>> 0) ^ 0x9e3779b9);
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) h = mix32(h ^ Math.imul(text.charCodeAt(i), 0x27d4eb2d));
    h = mix32(h ^ 0x165667b1);
  }
  return h;
}

/** mulberry32: a small, fast generator with a 2^32 period, ample for demo-sized data. */
export function createPrng(seed: number): Prng {
  let state = deriveSeed(seed, 'prng');
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    // Box-Muller; 1 - next() lies in (0, 1], so the log is finite.
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    int(n) {
      return Math.floor(next() * n);
    },
  };
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace<T>(items: T[], prng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}
