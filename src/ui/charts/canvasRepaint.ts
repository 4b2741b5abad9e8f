/**
 * Canvases that can paint themselves again at another pixel ratio, for pictures sharper than
 * the screen (the PNG export draws the chart lines at 2x even on a 1x screen). A canvas that has
 * not registered is copied as it is.
 */
type Repaint = (pixelRatio: number) => HTMLCanvasElement;

const repainters = new WeakMap<HTMLCanvasElement, Repaint>();

export function setCanvasRepaint(canvas: HTMLCanvasElement, repaint: Repaint): void {
  repainters.set(canvas, repaint);
}

/** `canvas` painted at `pixelRatio` pixels per CSS pixel, or the canvas itself. */
export function canvasAtPixelRatio(
  canvas: HTMLCanvasElement,
  pixelRatio: number,
): CanvasImageSource {
  return repainters.get(canvas)?.(pixelRatio) ?? canvas;
}
