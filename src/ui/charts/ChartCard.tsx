import { useId, useRef, type ReactNode } from 'react';
import { PngButton } from '../export/PngButton';

interface Props {
  testId: string;
  title: string;
  /** Extra heading content to the right of the title (e.g. the step shown). */
  aside?: ReactNode;
  /** Text for screen readers describing what the chart currently shows. */
  summary?: string;
  /** Shown over the plot area instead of the data (e.g. "No steps yet"). */
  placeholder?: string | null;
  className?: string;
  footer?: ReactNode;
  children: ReactNode;
}

/** The frame every chart shares: a <figure> named by its caption, a plot area, a footer. */
export function ChartCard(props: Props) {
  const { testId, title, aside, summary, placeholder, className, footer, children } = props;
  const titleId = useId();
  const summaryId = useId();
  const figure = useRef<HTMLElement>(null);
  return (
    <figure
      ref={figure}
      className={className ? `chart-card ${className}` : 'chart-card'}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={summary ? summaryId : undefined}
    >
      <figcaption className="chart-title">
        <span id={titleId}>{title}</span>
        <span className="chart-title-end">
          {aside}
          <PngButton target={figure} name={testId} title={title} />
        </span>
      </figcaption>
      {summary ? (
        <p id={summaryId} className="chart-sr-only">
          {summary}
        </p>
      ) : null}
      <div className="chart-body">
        {children}
        {placeholder ? <div className="chart-placeholder">{placeholder}</div> : null}
      </div>
      {footer}
    </figure>
  );
}
