import { MAX_SEEDS, MIN_SEEDS } from '../config/seedsKey';
import { RUN_LETTERS, type RunLetter } from '../config/variants';

/** Which runs of the link's experiment to simulate: one by its letter, or all of them. */
export type RunSelection = RunLetter | 'all';

const RUN_SELECTIONS: readonly RunSelection[] = [...RUN_LETTERS, 'all'];

/** Command-line arguments of `npm run simulate`; parsing is pure so it can be tested. */
export interface SimulateArgs {
  link: string | null;
  variant: RunSelection;
  steps: number | null;
  format: 'json' | 'csv';
  out: string | null;
  dump: boolean;
  /** Each step also records saturation and histograms per layer (json only). */
  distributions: boolean;
  strict: boolean;
  help: boolean;
  /** `--sweep "gain:0.25..4:13,depth:2..48:12"`: write the sweep's cells instead of a run. */
  sweep: string | null;
  /** `--seeds N`: write the seed bands (step 1, N seeds per run) instead of a run. */
  seeds: number | null;
}

export const USAGE = `Usage: npm run simulate -- [--link "<URL or #hash>"] [--variant a|b|c|d|all]
                           [--steps N] [--format json|csv] [--out FILE] [--dump] [--strict]
                           [--sweep "key:from..to:count,..."] [--seeds N]
                           [--distributions]
  --link    a Gradscope share link (full URL, #hash or bare query); default config without it
  --variant which run of the link: a = the base (default), b, c or d = a variant the link
            defines (b.key=value), all = the base and every variant in one file
            (json: {"runs": [...]}, csv: a leading run column)
  --steps   steps to train (default: each run's max steps)
  --format  json (default) or csv
  --out     write to FILE instead of stdout
  --dump    include the initial weights and step 1's batch (json only)
  --strict  fail (exit 2) if the link (base or variant) needed any repair
  --sweep   "key:from..to:count[,key:from..to:count]": measure every cell of a sweep of the base
            (keys gain, depth, lr, clip, gscale, binit, l1, l2), each from its own initial
            weights, training --steps steps (default 1); one row per cell: the swept values,
            logSlope, globalNorm (step 1, pre-clip), loss (last step), haltedStep, ...
            (json: {"axes": [...], "cells": [...]})
  --seeds   N (2 to 64): the seed bands of the selected run(s): each from the link's seed s,
            s+1, ..., s+N-1, its step-1 gradient and signal norms per layer, and per layer
            their median and 10th/90th percentiles (csv: run,seed,layer,gradNorm,signalNorm,
            the statistics as seed median, p10, p90; json: {"runs": [...]})
  --distributions
            each step also gets saturation (per layer, the share of the batch's (example,
            unit) pairs that are saturated, or for ReLU of dead units) and histograms (per
            quantity and layer, log-magnitude bin counts; layout under "distributions")
            (json only)`;

export class UsageError extends Error {}

const MAX_CLI_STEPS = 1_000_000;

export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const args: SimulateArgs = {
    link: null,
    variant: 'a',
    steps: null,
    format: 'json',
    out: null,
    dump: false,
    distributions: false,
    strict: false,
    help: false,
    sweep: null,
    seeds: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // Accept both "--flag value" and "--flag=value".
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : null;
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--link':
        args.link = value();
        break;
      case '--variant': {
        const text = value();
        const selection = RUN_SELECTIONS.find((option) => option === text);
        if (selection === undefined) {
          throw new UsageError(`--variant must be ${RUN_SELECTIONS.join(', ')}, got "${text}"`);
        }
        args.variant = selection;
        break;
      }
      case '--steps': {
        const text = value();
        const n = Number(text);
        if (!/^\d+$/.test(text) || n < 1 || n > MAX_CLI_STEPS) {
          throw new UsageError(
            `--steps must be a whole number from 1 to ${MAX_CLI_STEPS}, got "${text}"`,
          );
        }
        args.steps = n;
        break;
      }
      case '--format': {
        const text = value();
        if (text !== 'json' && text !== 'csv')
          throw new UsageError(`--format must be json or csv, got "${text}"`);
        args.format = text;
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--dump':
        args.dump = true;
        break;
      case '--distributions':
        args.distributions = true;
        break;
      case '--strict':
        args.strict = true;
        break;
      case '--sweep':
        args.sweep = value();
        break;
      case '--seeds': {
        const text = value();
        const n = Number(text);
        if (!/^\d+$/.test(text) || n < MIN_SEEDS || n > MAX_SEEDS) {
          throw new UsageError(
            `--seeds must be a whole number from ${MIN_SEEDS} to ${MAX_SEEDS}, got "${text}"`,
          );
        }
        args.seeds = n;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${arg}" (see --help)`);
    }
  }
  if (args.dump && args.format === 'csv') throw new UsageError('--dump needs --format json');
  if (args.sweep !== null && (args.dump || args.variant !== 'a'))
    throw new UsageError('--sweep sweeps the base: it takes neither --dump nor --variant');
  if (
    args.seeds !== null &&
    (args.dump || args.sweep !== null || args.distributions || args.steps !== null)
  )
    throw new UsageError(
      '--seeds measures step 1: it takes no --steps, --dump, --sweep or --distributions',
    );
  if (args.distributions && args.format === 'csv')
    throw new UsageError('--distributions needs --format json');
  return args;
}
