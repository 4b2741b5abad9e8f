/**
 * Paints a part of the page (a chart card, the chart panel) onto a 2-D canvas, as it looks on
 * screen: each element's background and borders, its SVG (recharts axes, grids, marks) as an
 * image with the styles it is drawn with written into it, its canvases (the series lines, the
 * heatmap) repainted at the picture's resolution where they can be, else copied, and its text word by word where the browser laid it out. Enough for
 * the charts here, which is all it has to do; form controls, screen-reader-only text and
 * anything marked `data-export-skip` are left out.
 */
import { canvasAtPixelRatio } from '../charts/canvasRepaint';

/** Style properties an SVG of the page is drawn with that its classes (CSS) may set. */
const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Elements whose text or look is not part of a picture of the charts. */
const SKIPPED_TAGS = new Set([
  'SELECT',
  'BUTTON',
  'INPUT',
  'TEXTAREA',
  'OPTION',
  'SCRIPT',
  'STYLE',
]);

type PaintOp = (ctx: CanvasRenderingContext2D) => void;

function isSkipped(element: Element, style: CSSStyleDeclaration): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName) ||
    element.hasAttribute('data-export-skip') ||
    element.classList.contains('chart-sr-only') ||
    style.display === 'none' ||
    style.visibility === 'hidden' ||
    Number(style.opacity) === 0
  );
}

function isTransparent(color: string): boolean {
  return color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
}

/** A copy of the SVG with the computed values of SVG_STYLE_PROPERTIES on every element. */
function styledClone(svg: SVGSVGElement, width: number, height: number): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    const declarations = SVG_STYLE_PROPERTIES.map(
      (p) => `${p}:${computed.getPropertyValue(p)}`,
    ).join(';');
    copy.setAttribute('style', declarations);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return clone;
}

/**
 * The part of `svg` drawn below its first foreignObject (the series canvas), or above it:
 * everything on the other side of it is removed, definitions (clip paths) kept. An SVG drawn as
 * an image draws no foreignObject (and one would taint the canvas), so the canvas inside is
 * drawn between the two parts, as it lies on screen.
 */
function svgPart(styled: SVGSVGElement, part: 'below' | 'above'): string {
  const copy = styled.cloneNode(true) as SVGSVGElement;
  const divider = copy.querySelector('foreignObject');
  if (divider) {
    const away =
      part === 'below' ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
    const removed = [...copy.querySelectorAll('*')].filter(
      (el) =>
        (divider.compareDocumentPosition(el) & away) !== 0 &&
        !el.contains(divider) &&
        el.closest('defs') === null,
    );
    for (const el of removed) el.remove();
    for (const other of copy.querySelectorAll('foreignObject')) other.remove();
  }
  return new XMLSerializer().serializeToString(copy);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('an SVG of the chart could not be drawn'));
    image.src = url;
  });
}

/** SVG text as an image. A data: URL, not a blob: one, which Chromium would treat as foreign
 * and so taint the canvas, which then could not be saved. */
function svgImage(text: string): Promise<HTMLImageElement> {
  return loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
}

/** An SVG, with the canvases inside its foreignObject drawn between its lower and upper part. */
function svgOps(svg: SVGSVGElement, ops: Promise<PaintOp | null>[], scale: number): void {
  const rect = svg.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return;
  const styled = styledClone(svg, rect.width, rect.height);
  const drawAt =
    (image: HTMLImageElement): PaintOp =>
    (ctx) =>
      ctx.drawImage(image, rect.left, rect.top, rect.width, rect.height);
  const inside = svg.querySelector('foreignObject');
  if (!inside) {
    ops.push(svgImage(svgPart(styled, 'below')).then(drawAt));
    return;
  }
  ops.push(svgImage(svgPart(styled, 'below')).then(drawAt));
  for (const canvas of inside.querySelectorAll('canvas'))
    ops.push(Promise.resolve(canvasOp(canvas, scale)));
  ops.push(svgImage(svgPart(styled, 'above')).then(drawAt));
}

/** A canvas, repainted at the picture's resolution where it can be (canvasRepaint.ts). */
function canvasOp(canvas: HTMLCanvasElement, scale: number): PaintOp | null {
  const rect = canvas.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0 || canvas.width === 0) return null;
  const source = canvasAtPixelRatio(canvas, scale);
  return (ctx) => ctx.drawImage(source, rect.left, rect.top, rect.width, rect.height);
}

/** A gradient background (the legend's colour ramp) as a left-to-right canvas gradient. */
function gradientFill(
  ctx: CanvasRenderingContext2D,
  image: string,
  rect: DOMRect,
): CanvasGradient | null {
  const colors = image.match(/rgba?\([^)]*\)/g);
  if (!colors || colors.length < 2) return null;
  const gradient = ctx.createLinearGradient(rect.left, 0, rect.right, 0);
  colors.forEach((color, i) => gradient.addColorStop(i / (colors.length - 1), color));
  return gradient;
}

/** Background, gradient and borders of one element. */
function boxOp(element: Element, style: CSSStyleDeclaration): PaintOp | null {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  const background = style.backgroundColor;
  const image = style.backgroundImage;
  const sides = (['top', 'right', 'bottom', 'left'] as const).filter(
    (side) =>
      style.getPropertyValue(`border-${side}-style`) !== 'none' &&
      parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0,
  );
  const paintsBackground = !isTransparent(background) || image.includes('gradient');
  if (!paintsBackground && sides.length === 0) return null;
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  return (ctx) => {
    if (paintsBackground) {
      ctx.fillStyle = (image.includes('gradient') && gradientFill(ctx, image, rect)) || background;
      ctx.beginPath();
      ctx.roundRect(rect.left, rect.top, rect.width, rect.height, radius);
      ctx.fill();
    }
    for (const side of sides) {
      const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
      const dashed = style.getPropertyValue(`border-${side}-style`) === 'dashed';
      ctx.strokeStyle = style.getPropertyValue(`border-${side}-color`);
      ctx.lineWidth = width;
      ctx.setLineDash(dashed ? [2 * width, 2 * width] : []);
      const half = width / 2;
      const [x0, y0, x1, y1] =
        side === 'top'
          ? [rect.left, rect.top + half, rect.right, rect.top + half]
          : side === 'bottom'
            ? [rect.left, rect.bottom - half, rect.right, rect.bottom - half]
            : side === 'left'
              ? [rect.left + half, rect.top, rect.left + half, rect.bottom]
              : [rect.right - half, rect.top, rect.right - half, rect.bottom];
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  };
}

/**
 * Text set vertically (`writing-mode: vertical-rl` turned 180deg, as the heatmap's axis title):
 * drawn whole, reading upwards, centred in its box.
 */
function verticalTextOp(node: Text, style: CSSStyleDeclaration): PaintOp | null {
  const range = document.createRange();
  range.selectNodeContents(node);
  const rect = range.getBoundingClientRect();
  const text = node.data.trim();
  if (rect.height === 0 || text === '') return null;
  return (ctx) => {
    ctx.save();
    ctx.font = style.font;
    ctx.fillStyle = style.color;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.translate(rect.left + rect.width / 2, rect.top + rect.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(text, 0, 0);
    ctx.restore();
  };
}

/** A text node's words, each where the browser placed it (so wrapped lines stay wrapped). */
function textOp(node: Text, style: CSSStyleDeclaration): PaintOp | null {
  if (style.writingMode.startsWith('vertical')) return verticalTextOp(node, style);
  const text = node.data;
  const words: { word: string; rect: DOMRect }[] = [];
  const range = document.createRange();
  for (const match of text.matchAll(/\S+/g)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0) words.push({ word: match[0], rect });
  }
  if (words.length === 0) return null;
  const font = style.font;
  const color = style.color;
  return (ctx) => {
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const { word, rect } of words) ctx.fillText(word, rect.left, rect.top + rect.height / 2);
  };
}

/** Paint operations for `element` and what is inside it, in document (painting) order. */
function collectOps(element: Element, ops: Promise<PaintOp | null>[], scale: number): void {
  const style = getComputedStyle(element);
  if (isSkipped(element, style)) return;
  if (element instanceof SVGSVGElement) {
    svgOps(element, ops, scale);
    return;
  }
  if (element instanceof HTMLCanvasElement) {
    ops.push(Promise.resolve(canvasOp(element, scale)));
    return;
  }
  ops.push(Promise.resolve(boxOp(element, style)));
  for (const child of element.childNodes) {
    if (child instanceof Text) ops.push(Promise.resolve(textOp(child, style)));
    else if (child instanceof Element) collectOps(child, ops, scale);
  }
}

/**
 * A canvas `scale` times the CSS size of `element`, on `background`, with the element painted
 * as it is on screen.
 */
export async function paintElement(
  element: Element,
  scale: number,
  background: string,
): Promise<HTMLCanvasElement> {
  const rect = element.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(rect.width * scale);
  canvas.height = Math.round(rect.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas in this browser');
  const pending: Promise<PaintOp | null>[] = [];
  collectOps(element, pending, scale);
  const ops = await Promise.all(pending);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Page coordinates (CSS px) to the canvas: the element's corner at the origin.
  ctx.setTransform(scale, 0, 0, scale, -rect.left * scale, -rect.top * scale);
  for (const op of ops) op?.(ctx);
  return canvas;
}
