import type { CellMeasure } from '../../config/sweepCell';
import type { SweepAxis } from '../../config/sweepSpec';
import { t } from '../i18n/messages';
import { axisTitle, formatAxisValue } from './RegimeMap';

const W = 300;
const H = 150;
const M = { left: 46, right: 8, top: 8, bottom: 34 };

interface Curve {
  id: 'loss' | 'survived' | 'clipped' | 'factor';
  value: (cell: CellMeasure) => number | null;
  /** Fixed y range, or null to fit the values. */
  domain: [number, number] | null;
}

function curves(steps: number): Curve[] {
  return [
    {
      id: 'loss',
      value: (c) => (c.haltedStep === null && Number.isFinite(c.loss) ? c.loss : null),
      domain: null,
    },
    { id: 'survived', value: (c) => c.stepsSurvived, domain: [0, steps] },
    { id: 'clipped', value: (c) => c.clippedShare * 100, domain: [0, 100] },
    { id: 'factor', value: (c) => c.meanClipFactor, domain: [0, 1] },
  ];
}

function CurveChart(props: {
  curve: Curve;
  axis: SweepAxis;
  xs: number[];
  cells: readonly (CellMeasure | null)[];
  best: number | null;
}) {
  const { curve, axis, xs, cells, best } = props;
  const values = cells.map((c) => (c ? curve.value(c) : null));
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let [lo, hi] = curve.domain ?? [Math.min(...finite), Math.max(...finite)];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (hi - lo < 1e-12) [lo, hi] = [lo - 0.5, hi + 0.5];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const px = (i: number) => M.left + (xs.length <= 1 ? 0.5 : i / (xs.length - 1)) * plotW;
  const py = (v: number) => M.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? null : `${px(i)},${py(v)}`))
    .filter((p) => p !== null);
  const title = t(`sweep.curve.${curve.id}`);
  return (
    <figure className="sweep-curve" data-testid={`sweep-curve-${curve.id}`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <rect x={M.left} y={M.top} width={plotW} height={plotH} className="sweep-curve-frame" />
        {best !== null && (
          <line
            className="sweep-curve-best"
            x1={px(best)}
            x2={px(best)}
            y1={M.top}
            y2={M.top + plotH}
          />
        )}
        <polyline className="sweep-curve-line" points={points.join(' ')} />
        {values.map((v, i) =>
          v === null || !Number.isFinite(v) ? null : (
            <circle key={i} cx={px(i)} cy={py(v)} r={2.5} className="sweep-curve-dot" />
          ),
        )}
        <text x={M.left - 4} y={M.top + 10} textAnchor="end">
          {formatAxisValue(hi)}
        </text>
        <text x={M.left - 4} y={M.top + plotH} textAnchor="end">
          {formatAxisValue(lo)}
        </text>
        <text x={M.left} y={H - 18} textAnchor="start">
          {formatAxisValue(xs[0] ?? 0)}
        </text>
        <text x={M.left + plotW} y={H - 18} textAnchor="end">
          {formatAxisValue(xs[xs.length - 1] ?? 0)}
        </text>
        <text x={M.left + plotW / 2} y={H - 4} textAnchor="middle" className="regime-axis-title">
          {axisTitle(axis.key)}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/**
 * A one-axis sweep as curves against the swept value: loss after K steps (runs that did not
 * halt), steps survived, share of steps clipped, and the mean clip factor, the best value
 * marked. Over the clip threshold this is the clip-threshold advisor.
 */
export function SweepCurves(props: {
  axis: SweepAxis;
  xs: number[];
  cells: readonly (CellMeasure | null)[];
  steps: number;
  best: number | null;
}) {
  const { axis, xs, cells, steps, best } = props;
  return (
    <div className="sweep-curves" data-testid="sweep-curves">
      {curves(steps).map((curve) => (
        <CurveChart key={curve.id} curve={curve} axis={axis} xs={xs} cells={cells} best={best} />
      ))}
    </div>
  );
}
