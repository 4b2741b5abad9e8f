import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The page's first load must not carry tfjs: the UI reads stores and never imports engine or
 * backend (the lint rules in eslint.config.js), and tfjs arrives with the training code in a
 * lazy chunk. This reads the build, not the running page, so it names the chunk that broke it.
 *
 * The build checked is dist/ (`npm test` builds it before the browser tests); GRADSCOPE_DIST
 * points it at another build directory.
 */
const DIST = process.env.GRADSCOPE_DIST ?? 'dist';

/**
 * Strings only tfjs puts in a bundle, kept by minification because they are string literals or
 * property names: tfjs-core's Environment reads flags from the URL parameter `tfjsflags`, and
 * every tfjs kernel and gradient registration is an object with a `kernelName` key (tfjs-core
 * alone, before any backend, brings ~100 of them).
 */
const TFJS_MARKERS = ['tfjsflags', 'kernelName:'] as const;

/**
 * The first-load JS, gzip level 9 (as `npm run bench` measures the bundle), was 240 KB with
 * tfjs-core in it and 202 KB without; 230 KB leaves room for UI growth but not for tfjs-core
 * (~38 KB gzip) to slip back in. Recurrent mode, seed bands and the other features of one day
 * took it to 237.4 KB; what the first paint does not show now loads with the panel that shows
 * it (the lessons' texts with the lesson panel; the regime map's, seed bands' and compare
 * legend's English words with those panels), which brought it back to 229.8 KB; the repair
 * notice then took its words (config/repairMessages.ts, repairLabels.ts) with it, loaded when
 * a link needs repairing (-2.1 KB). So the margin is thin: the next addition to the first load
 * has to be paid for by moving something out.
 */
const FIRST_LOAD_GZIP_BUDGET_KB = 230;
const KB = 1024;

/** Paths, relative to the build directory, of the module scripts and modulepreloads in the page. */
function pageModules(indexHtml: string): string[] {
  const refs: string[] = [];
  for (const tag of indexHtml.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /\btype="module"/.test(tag);
    const isModulePreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
    const ref = tag.match(/\b(?:src|href)="([^"]+)"/)?.[1];
    if (ref && (isModuleScript || isModulePreload)) refs.push(posix.normalize(ref));
  }
  return refs;
}

/**
 * Relative specifiers a built chunk imports statically: `import{a}from"./x.js"`,
 * `import"./x.js"`, `export{a}from"./x.js"`. A dynamic `import("./x.js")` has a parenthesis
 * after `import`, so it does not match: those chunks load later, on demand.
 */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

/** Every JS file the page loads before anything runs: its entry scripts and their static imports. */
function firstLoadFiles(dist: string): string[] {
  const pending = pageModules(readFileSync(join(dist, 'index.html'), 'utf8'));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) pending.push(posix.join(posix.dirname(file), spec));
  }
  return [...seen].sort();
}

function markersIn(dist: string, file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  return TFJS_MARKERS.filter((marker) => code.includes(marker));
}

describe('first load', () => {
  let firstLoad: string[];

  beforeAll(() => {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error(`no built app in ${DIST}/: run \`npm run build\` first`);
    firstLoad = firstLoadFiles(DIST);
  });

  it('follows the entry script into its statically imported chunks', () => {
    expect(firstLoad.length).toBeGreaterThan(0);
    expect(firstLoad.every((file) => file.endsWith('.js'))).toBe(true);
  });

  it('holds no tfjs: no first-load chunk contains a tfjs marker', () => {
    const offenders = firstLoad
      .map((file) => ({ file, markers: markersIn(DIST, file) }))
      .filter((chunk) => chunk.markers.length > 0);
    expect(offenders).toEqual([]);
  });

  it('finds every tfjs marker in a lazily loaded chunk, so the check above can fail', () => {
    const lazy = readdirSync(join(DIST, 'assets'))
      .map((name) => `assets/${name}`)
      .filter((file) => file.endsWith('.js') && !firstLoad.includes(file));
    for (const marker of TFJS_MARKERS)
      expect(
        lazy.some((file) => markersIn(DIST, file).includes(marker)),
        marker,
      ).toBe(true);
  });

  it(`stays under ${FIRST_LOAD_GZIP_BUDGET_KB} KB of JS gzipped`, () => {
    const bytes = firstLoad.reduce(
      (total, file) => total + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length,
      0,
    );
    const gzipKB = bytes / KB;
    console.log(
      `first-load JS: ${firstLoad.join(', ')}: ${gzipKB.toFixed(1)} KB gzip ` +
        `(budget ${FIRST_LOAD_GZIP_BUDGET_KB} KB)`,
    );
    expect(gzipKB).toBeLessThan(FIRST_LOAD_GZIP_BUDGET_KB);
  });
});
