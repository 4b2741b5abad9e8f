import { regimeOf, type CellMeasure } from '../../config/sweepCell';
import { addCellAsVariant, loadCellAsBase } from '../../store/sweeps';
import type { SweepResult } from '../../store/sweepStore';
import { t } from '../i18n/messages';
import { cellSettings, format3, formatSlope } from './sweepFormat';

function cellLines(cell: CellMeasure, steps: number): string[] {
  const lines: string[] = [];
  if (cell.logSlope === null) lines.push(t('sweep.cellNoSlope'));
  else
    lines.push(
      t('sweep.cellSlope', {
        slope: formatSlope(cell.logSlope),
        factor: format3(Math.exp(cell.logSlope)),
        regime: t(`sweep.regime.${regimeOf(cell)}`),
      }),
    );
  lines.push(t('sweep.cellNorm', { norm: format3(cell.globalNorm) }));
  if (cell.haltedStep !== null) lines.push(t('sweep.cellHalted', { step: cell.haltedStep }));
  else if (steps > 1) lines.push(t('sweep.cellLoss', { step: steps, loss: format3(cell.loss) }));
  if (cell.clippedShare > 0)
    lines.push(
      t('sweep.cellClip', {
        share: Math.round(cell.clippedShare * 100),
        factor: format3(cell.meanClipFactor),
      }),
    );
  return lines;
}

/** The chosen cell: its settings, its numbers, and the ways to load it (as base or variant). */
export function SweepCell(props: {
  result: SweepResult | null;
  selected: number | null;
  variantsFull: boolean;
}) {
  const { result, selected, variantsFull } = props;
  if (!result || selected === null) {
    return (
      <div className="sweep-cell" data-testid="sweep-cell">
        <p>{t('sweep.pickCell')}</p>
      </div>
    );
  }
  const cell = result.cells[selected] ?? null;
  return (
    <div className="sweep-cell" data-testid="sweep-cell">
      <h3>{cellSettings(result, selected)}</h3>
      {cell && cellLines(cell, result.spec.steps).map((line) => <p key={line}>{line}</p>)}
      <div className="sweep-cell-actions">
        <button
          type="button"
          data-testid="sweep-load-base"
          onClick={() => loadCellAsBase(result, selected)}
        >
          {t('sweep.loadBase')}
        </button>
        <button
          type="button"
          data-testid="sweep-add-variant"
          disabled={variantsFull}
          onClick={() => addCellAsVariant(result, selected)}
        >
          {t('sweep.addVariant')}
        </button>
      </div>
    </div>
  );
}
