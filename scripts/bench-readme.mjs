#!/usr/bin/env node
// `npm run bench:readme`: rewrites README.md's performance table (between the
// `<!-- bench:start -->` and `<!-- bench:end -->` lines) from bench/results.json, without
// running the benchmark again. `--check` changes nothing and exits 1 when the README is stale.
// Options: --results FILE (default bench/results.json), --readme FILE (default README.md),
// both relative to the repository root.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performanceMarkdown, replaceReadmeSection } from './bench/readmeTable.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/bench-readme.mjs [--check] [--results FILE] [--readme FILE]';

function fail(message, code = 1) {
  console.error(`bench:readme: ${message}`);
  process.exit(code);
}

const options = { check: false, results: 'bench/results.json', readme: 'README.md' };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--check') options.check = true;
  else if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if ((arg === '--results' || arg === '--readme') && args[i + 1] !== undefined) {
    options[arg.slice(2)] = args[++i];
  } else fail(`unknown or incomplete argument "${arg}"\n${USAGE}`, 2);
}

const resultsPath = resolve(ROOT, options.results);
const readmePath = resolve(ROOT, options.readme);
const show = (path) => {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
};

let results;
try {
  results = JSON.parse(readFileSync(resultsPath, 'utf8'));
} catch (error) {
  fail(`cannot read ${show(resultsPath)} (run \`npm run bench\` first): ${error.message}`);
}

let before;
try {
  before = readFileSync(readmePath, 'utf8');
} catch (error) {
  fail(`cannot read ${show(readmePath)}: ${error.message}`);
}

let after;
try {
  after = replaceReadmeSection(before, performanceMarkdown(results));
} catch (error) {
  fail(`${show(readmePath)}: ${error.message}`);
}

const from = `${show(resultsPath)} (bench of ${results.date ?? 'unknown date'})`;
if (after === before) {
  console.log(`${show(readmePath)}: performance table already matches ${from}`);
} else if (options.check) {
  fail(`${show(readmePath)}: performance table is stale; run \`npm run bench:readme\``);
} else {
  writeFileSync(readmePath, after);
  const lines = (text) => text.split('\n').length;
  console.log(
    `${show(readmePath)}: performance table rewritten from ${from} ` +
      `(${lines(before)} -> ${lines(after)} lines)`,
  );
}
