import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The command-line tool, bundled as `npm run simulate` bundles it. */
export const CLI = 'dist-cli/simulate.mjs';

/** What the bundle is made of: a change to any of these makes dist-cli/ stale. */
const SOURCES = ['src', 'vite.cli.config.ts', 'tfjsEsmAliases.ts', 'package-lock.json'];
/** One lock per checkout, outside it (nothing to ignore or clean up in the repository). */
const LOCK = join(
  tmpdir(),
  `gradscope-cli-build-${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 12)}.lock`,
);
/** A lock older than this was left by a killed run (a build takes seconds). */
const STALE_LOCK_MS = 120_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

function upToDate(): boolean {
  if (!existsSync(CLI)) return false;
  const built = statSync(CLI).mtimeMs;
  return SOURCES.every((source) => !existsSync(source) || newestMtime(source) <= built);
}

function tryLock(): boolean {
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch {
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
      rmSync(LOCK, { force: true });
    return false;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the CLI (`vite build -c vite.cli.config.ts`) unless dist-cli/ is newer than every source
 * it is made of. Four test files run the CLI, two of them at once in the unit project's workers:
 * the lock file keeps one build at a time (a build empties dist-cli/ while another reads it), and
 * the others then find it up to date, so a test run builds it once instead of four times.
 */
export async function buildCliOnce(): Promise<void> {
  for (;;) {
    if (upToDate()) return;
    if (tryLock()) break;
    await pause(250);
  }
  try {
    if (!upToDate())
      execFileSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { force: true });
  }
}
