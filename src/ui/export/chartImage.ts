/**
 * Chart pictures for slides: a chart card, or the whole chart panel, as a PNG at twice its CSS
 * size, painted from the page itself (paintElement.ts). Loaded when a picture is asked for.
 */
import { useSessionStore } from '../../store/sessionStore';
import { downloadBlob, exportFileStem } from './download';
import { paintElement } from './paintElement';

/** Pixels per CSS pixel in exported pictures: sharp on a projector and in a slide deck. */
export const PNG_PIXEL_RATIO = 2;

/** The page's background behind the picture (cards are white on it). */
function pageBackground(): string {
  return getComputedStyle(document.body).backgroundColor || '#ffffff';
}

export async function elementToPng(element: Element): Promise<Blob> {
  const canvas = await paintElement(element, PNG_PIXEL_RATIO, pageBackground());
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}

/** Downloads `element` as `gradscope-<runs>-step<N>-<name>.png`. */
export async function downloadElementPng(element: Element, name: string): Promise<void> {
  const blob = await elementToPng(element);
  const { runs, step } = useSessionStore.getState();
  const stem = exportFileStem(
    runs.map((r) => r.letter),
    step,
  );
  downloadBlob(`${stem}-${name}.png`, blob);
}
