/**
 * How each run is drawn when runs are compared: a colour from Okabe & Ito's palette (told apart
 * with any colour-vision deficiency) and a dash pattern, so runs differ in two ways and stay
 * apart in greyscale and on a projector.
 */
import { useMemo } from 'react';
import type { RunLetter } from '../../store/sessionStore';
import type { TooltipSeries } from '../charts/ChartTooltip';
import type { SeriesLook } from '../charts/SeriesLines';
import { t } from '../i18n/messages';

export interface RunLook {
  color: string;
  /** SVG stroke-dasharray; undefined = solid. */
  dash: string | undefined;
  name: string;
}

const LOOKS: Record<RunLetter, Omit<RunLook, 'name'>> = {
  a: { color: '#0072b2', dash: undefined },
  b: { color: '#d55e00', dash: '7 3' },
  c: { color: '#009e73', dash: '2 2' },
  d: { color: '#cc79a7', dash: '9 3 2 3' },
};

export function runLook(letter: RunLetter): RunLook {
  return { ...LOOKS[letter], name: letter.toUpperCase() };
}

/**
 * One line per run (keyed by its letter) in the run's colour and dash, and its tooltip entry,
 * for the charts that overlay the runs. `extra` sets what those charts add (dots, bridging).
 */
export function useRunSeries(
  runs: readonly { letter: RunLetter }[],
  extra: Pick<SeriesLook, 'dotRadius' | 'connectNulls'>,
): { lines: SeriesLook[]; tooltipSeries: TooltipSeries[] } {
  const letters = runs.map((r) => r.letter).join();
  const { dotRadius, connectNulls } = extra;
  return useMemo(() => {
    const looks = (letters.split(',') as RunLetter[]).map((letter) => ({
      letter,
      look: runLook(letter),
    }));
    return {
      lines: looks.map(({ letter, look }) => ({
        key: letter,
        color: look.color,
        strokeWidth: 1.75,
        strokeDasharray: look.dash,
        dotRadius,
        connectNulls,
      })),
      tooltipSeries: looks.map(({ letter, look }) => ({
        key: letter,
        label: t('compare.runName', { run: look.name }),
        color: look.color,
      })),
    };
  }, [letters, dotRadius, connectNulls]);
}
