/**
 * Sets a canvas's bitmap size only when it differs: assigning a size, even the same one,
 * reallocates and clears the bitmap. Returns whether it changed.
 */
export function sizeBitmap(canvas: HTMLCanvasElement, width: number, height: number): boolean {
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}
