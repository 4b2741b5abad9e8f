// Production bundle size: every file of the build's assets gzipped (node:zlib, level 9), and
// which of them the page loads up front (what index.html references) versus on demand.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;

/** Asset paths index.html loads directly: its module script, modulepreloads and stylesheets. */
function initialAssets(indexHtml) {
  const refs = new Set();
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script\b/.test(tag) && /type="module"/.test(tag);
    const isPreload = /rel="(modulepreload|stylesheet)"/.test(tag);
    const ref = tag.match(/\b(?:src|href)="([^"]+)"/)?.[1];
    if (ref && (isModule || isPreload)) refs.add(ref.replace(/^\.?\//, ''));
  }
  return refs;
}

/**
 * Sizes of the build in `outDir`: per chunk (raw and gzip KB, initial or lazy) and the totals.
 * Chunks are sorted largest first.
 */
export function measureBundle(outDir) {
  const initial = initialAssets(readFileSync(join(outDir, 'index.html'), 'utf8'));
  const chunks = readdirSync(join(outDir, 'assets')).map((name) => {
    const bytes = readFileSync(join(outDir, 'assets', name));
    return {
      file: `assets/${name}`,
      rawKB: bytes.length / KB,
      gzipKB: gzipSync(bytes, { level: 9 }).length / KB,
      initial: initial.has(`assets/${name}`),
    };
  });
  chunks.sort((a, b) => b.gzipKB - a.gzipKB);
  const sum = (list) => list.reduce((total, c) => total + c.gzipKB, 0);
  return {
    totalGzipKB: sum(chunks),
    initialGzipKB: sum(chunks.filter((c) => c.initial)),
    lazyGzipKB: sum(chunks.filter((c) => !c.initial)),
    chunks,
  };
}
