/** Edits of the sweep spec the toolbar makes, as pure functions (the view store holds the spec). */
import { SWEEP_KEYS, defaultAxis, type SweepKey, type SweepSpec } from '../../config/sweepSpec';

/** The spec with axis `which` swept over `key` ('' drops the second axis). */
export function withAxisKey(spec: SweepSpec, which: 0 | 1, key: SweepKey | ''): SweepSpec {
  const count = spec.axes[0]?.count ?? 12;
  const axes = [...spec.axes];
  if (key === '') return { ...spec, axes: axes.slice(0, 1) };
  const fresh = defaultAxis(key);
  const axis = { ...fresh, count: Math.min(count, fresh.count === 12 ? count : fresh.count) };
  axes[which] = axis;
  // Two axes of one key make no map: the other one moves aside.
  const other = axes[1 - which];
  if (other && other.key === key) {
    const spare = SWEEP_KEYS.find((k) => !axes.some((a) => a?.key === k.key));
    if (spare) axes[1 - which] = { ...defaultAxis(spare.key), count };
  }
  return { ...spec, axes: axes.filter((a) => a !== undefined) };
}

/** The spec with `count` values per axis (a depth axis has at most one per whole depth). */
export function withCount(spec: SweepSpec, count: number): SweepSpec {
  return {
    ...spec,
    axes: spec.axes.map((a) =>
      a.key === 'depth' ? { ...a, count: Math.min(count, a.to - a.from + 1) } : { ...a, count },
    ),
  };
}
