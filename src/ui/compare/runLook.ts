/**
 * How each run is drawn when runs are compared: a colour from Okabe & Ito's palette (told apart
 * with any colour-vision deficiency) and a dash pattern, so runs differ in two ways and stay
 * apart in greyscale and on a projector.
 */
import type { RunLetter } from '../../store/sessionStore';

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
