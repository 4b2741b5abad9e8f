#!/usr/bin/env node
// The whole test suite behind `npm test`: lint, typecheck, unit tests (Node, tfjs cpu), build,
// and browser tests (the built app in the system Chromium). Ends with one plain line
// "N passed, N failed, N skipped" counting every test plus the lint/typecheck/build checks.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS_DIR = 'test-results';
mkdirSync(RESULTS_DIR, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs a command with its output streamed as it comes; resolves to whether it succeeded. */
function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/**
 * Runs one vitest project (or the files `filters` name in it, or all but the ones `exclude`
 * names) and adds its report to the totals. `quietly` keeps the output to print whole at the end,
 * for a run that goes side by side with another.
 */
async function vitestProject(
  project,
  { label = project, filters = [], exclude = [], quietly = false } = {},
) {
  const outputFile = `${RESULTS_DIR}/${label}.json`;
  rmSync(outputFile, { force: true });
  const args = [
    'vitest',
    'run',
    '--project',
    project,
    ...filters,
    ...exclude.flatMap((glob) => ['--exclude', glob]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ];
  let ok;
  if (quietly) {
    const result = await runQuietly('npx', args);
    process.stdout.write(`\n=== ${label} tests: npx ${args.join(' ')}\n${result.output}`);
    ok = result.ok;
  } else {
    ok = await run(`${label} tests`, 'npx', args);
  }
  if (!existsSync(outputFile)) {
    totals.failed += 1;
    process.stdout.write(`--- ${label} tests produced no report\n`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even when it ran no test.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  );
  totals.failed += brokenSuites.length;
  if (!ok && report.numFailedTests === 0 && brokenSuites.length === 0) totals.failed += 1;
}

/** Runs a command with its output kept, to print whole once it ends: `{ ok, output }`. */
function runQuietly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: process.env });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ ok: false, output: String(error) }));
    child.on('close', (code) =>
      resolve({ ok: code === 0, output: Buffer.concat(chunks).toString() }),
    );
  });
}

/**
 * Lint, format, typecheck and build each keep one core busy, and none needs another: they run
 * side by side (about half the time on two cores), each one's output printed whole, in order.
 * Returns whether the build succeeded.
 */
async function checksSideBySide() {
  const checks = [
    ['lint', 'npx', ['eslint', '.']],
    ['format', 'npx', ['prettier', '--check', '.']],
    ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['build', 'npx', ['vite', 'build']],
  ];
  const results = await Promise.all(checks.map(([, command, args]) => runQuietly(command, args)));
  checks.forEach(([label, command, args], i) => {
    const { ok, output } = results[i];
    process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n${output}`);
    totals[ok ? 'passed' : 'failed'] += 1;
    if (!ok) process.stdout.write(`--- ${label} FAILED\n`);
  });
  return results[3].ok;
}

/**
 * The UI fuzz test runs for a fixed time (120 s) whatever the machine does, and the unit tests
 * keep one core busy (vitest's default on two cores is one worker): the two go side by side, the
 * fuzz alone in its own vitest with its own Chromium, then the other browser files one by one.
 * The fuzz's pass does not depend on how many actions it gets through, only on the page
 * answering, so sharing the cores changes how much it does, not whether it is right.
 */
const FUZZ_FILE = 'tests/browser/fuzz.test.ts';

const built = await checksSideBySide();
await Promise.all([
  vitestProject('unit'),
  built && vitestProject('browser', { label: 'browser-fuzz', filters: [FUZZ_FILE], quietly: true }),
]);
if (built) await vitestProject('browser', { exclude: [FUZZ_FILE] });
else totals.failed += 1;

const summary =
  `${totals.passed} passed, ${totals.failed} failed` +
  (totals.skipped ? `, ${totals.skipped} skipped` : '');
process.stdout.write(`\n${summary}\n`);
process.exitCode = totals.failed === 0 ? 0 : 1;
