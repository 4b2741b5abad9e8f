import { useId, useRef, useState, type ReactNode } from 'react';
import { PngButton } from '../export/PngButton';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import './chartAccess.css';
import { ChartSummary } from './ChartSummary';
import { LayerTable } from './LayerTable';
import { describeLayerValues, type LayerValues } from './layerValuesText';

interface Props {
  testId: string;
  title: string;
  /** Extra heading content to the right of the title (e.g. the step shown). */
  aside?: ReactNode;
  /** Text for screen readers describing what the chart currently shows. */
  summary?: string;
  /**
   * The latest value per layer of a per-layer chart: described in words for screen readers
   * and shown as a table by the card's Table toggle.
   */
  layerValues?: LayerValues | null;
  /** Whether the description is a live region (one chart per page, or it talks over itself). */
  live?: boolean;
  /** Shown over the plot area instead of the data (e.g. "No steps yet"). */
  placeholder?: string | null;
  className?: string;
  footer?: ReactNode;
  children: ReactNode;
}

/** The frame every chart shares: a <figure> named by its caption, a plot area, a footer. */
export function ChartCard(props: Props) {
  const { testId, title, aside, summary, layerValues, live = false } = props;
  const { placeholder, className, footer, children } = props;
  const titleId = useId();
  const summaryId = useId();
  const [tableOpen, setTableOpen] = useState(false);
  // An embedded page is a slide: no export buttons (the full page has them).
  const embedded = useViewStore((s) => s.embed !== null);
  const description = [layerValues ? describeLayerValues(layerValues) : '', summary ?? '']
    .join(' ')
    .trim();
  const figure = useRef<HTMLElement>(null);
  return (
    <figure
      ref={figure}
      className={className ? `chart-card ${className}` : 'chart-card'}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={description ? summaryId : undefined}
    >
      <figcaption className="chart-title">
        <span id={titleId} className="chart-title-text">
          {title}
        </span>
        <span className="chart-title-end">
          {aside}
          {layerValues !== undefined ? (
            <button
              type="button"
              className="chart-table-toggle"
              aria-pressed={tableOpen}
              disabled={!layerValues}
              aria-label={t('access.tableLabel', { title })}
              onClick={() => setTableOpen(!tableOpen)}
            >
              {t('access.table')}
            </button>
          ) : null}
          {embedded ? null : <PngButton target={figure} name={testId} title={title} />}
        </span>
      </figcaption>
      {description ? <ChartSummary id={summaryId} text={description} live={live} /> : null}
      <div className="chart-body">
        {children}
        {placeholder ? <div className="chart-placeholder">{placeholder}</div> : null}
        {tableOpen && layerValues ? <LayerTable values={layerValues} label={title} /> : null}
      </div>
      {footer}
    </figure>
  );
}
