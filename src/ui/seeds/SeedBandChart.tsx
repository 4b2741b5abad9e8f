import type { LayerBand } from '../../config/seedBands';
import { logDomain, logTicks, formatPow10, toLogSafe } from '../charts/logScale';
import { runLook } from '../compare/runLook';
import { t } from '../i18n/messages';
import type { RunBands } from './bandData';

const W = 640;
const H = 300;
const M = { left: 56, right: 12, top: 12, bottom: 40 };
/** The band's fill opacity: overlapping runs' bands stay readable. */
const BAND_OPACITY = 0.22;

/** Drawable segments of a band: runs of consecutive layers whose three values can be drawn. */
function segments(bands: readonly LayerBand[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (const [i, b] of bands.entries()) {
    const ok = [b.low, b.median, b.high].every((v) => toLogSafe(v) !== null);
    if (ok) current.push(i);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The depth profile of every run's seed band: x = layer (input first), log y, per run a filled
 * band (10th to 90th percentile) and the median as a line in the run's colour and dash. Drawn
 * as one SVG: the data are a few dozen points that change only when a request lands.
 */
export function SeedBandChart(props: { runs: readonly RunBands[]; axisTitle: string }) {
  const { runs, axisTitle } = props;
  const layers = Math.max(0, ...runs.map((r) => r.bands.length));
  const domain = logDomain(runs.flatMap((r) => r.bands.flatMap((b) => [b.low, b.median, b.high])));
  const [lo, hi] = domain;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const px = (i: number) => M.left + (layers <= 1 ? 0.5 : i / (layers - 1)) * plotW;
  const py = (v: number) =>
    M.top + plotH - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  const xTicks = Array.from({ length: layers }, (_, i) => i).filter(
    (i) => layers <= 16 || i % Math.ceil(layers / 16) === 0 || i === layers - 1,
  );
  return (
    <svg
      className="seed-band-chart"
      data-testid="seed-band-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('seeds.chartTitle', { count: runs[0]?.measured ?? 0 })}
    >
      <rect x={M.left} y={M.top} width={plotW} height={plotH} className="seed-band-frame" />
      {logTicks(domain).map((tick) => (
        <g key={tick}>
          <line
            x1={M.left}
            x2={M.left + plotW}
            y1={py(tick)}
            y2={py(tick)}
            className="seed-band-grid"
          />
          <text x={M.left - 4} y={py(tick) + 4} textAnchor="end">
            {formatPow10(tick)}
          </text>
        </g>
      ))}
      {xTicks.map((i) => (
        <text key={i} x={px(i)} y={M.top + plotH + 14} textAnchor="middle">
          {i + 1}
        </text>
      ))}
      <text x={M.left + plotW / 2} y={H - 6} textAnchor="middle" className="seed-band-axis-title">
        {t('chart.axis.layer')}
      </text>
      <text
        transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        className="seed-band-axis-title"
      >
        {axisTitle}
      </text>
      {runs.map((run) => {
        const look = runLook(run.letter);
        return (
          <g key={run.letter} data-testid={`seed-band-run-${run.letter}`}>
            {segments(run.bands).map((seg) => {
              const upper = seg.map((i) => `${px(i)},${py(run.bands[i]!.high)}`);
              const lower = seg.map((i) => `${px(i)},${py(run.bands[i]!.low)}`).reverse();
              const median = seg.map((i) => `${px(i)},${py(run.bands[i]!.median)}`);
              return (
                <g key={seg[0]}>
                  <polygon
                    points={[...upper, ...lower].join(' ')}
                    fill={look.color}
                    fillOpacity={BAND_OPACITY}
                    stroke="none"
                    data-testid="seed-band-area"
                  />
                  <polyline
                    points={median.join(' ')}
                    fill="none"
                    stroke={look.color}
                    strokeWidth={2}
                    strokeDasharray={look.dash}
                    data-testid="seed-band-median"
                  />
                  {seg.map((i) => (
                    <circle
                      key={i}
                      cx={px(i)}
                      cy={py(run.bands[i]!.median)}
                      r={2.5}
                      fill={look.color}
                    />
                  ))}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
