import { useEffect, useRef, useState } from 'react';
import { useSessionStore } from '../../store/sessionStore';

/**
 * How often, at most, a chart's spoken summary changes while training runs. A live region that
 * changed with every chart refresh would talk over everything else; paused, it says the new
 * numbers at once.
 */
export const SUMMARY_LIVE_MS = 5000;

/** `text`, changed at most every SUMMARY_LIVE_MS while `running`, at once otherwise. */
export function useThrottledText(text: string, running: boolean): string {
  const [shown, setShown] = useState(text);
  const shownAt = useRef(0);
  useEffect(() => {
    if (text === shown) return;
    // The deadline counts from the last change shown, so a stream of new texts cannot push it
    // back: each refresh reschedules the same moment with the newest text.
    const wait = running ? Math.max(0, shownAt.current + SUMMARY_LIVE_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      shownAt.current = Date.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text, running, shown]);
  return shown;
}

/**
 * A chart's text alternative: read by screen readers (the chart's description), not drawn.
 * With `live`, a polite live region that speaks the numbers as they change, throttled.
 */
export function ChartSummary({ id, text, live }: { id: string; text: string; live: boolean }) {
  const running = useSessionStore((s) => s.status === 'running');
  const shown = useThrottledText(text, running);
  return (
    <p id={id} className="chart-sr-only" aria-live={live ? 'polite' : undefined}>
      {shown}
    </p>
  );
}
