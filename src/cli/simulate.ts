/**
 * Headless Gradscope: runs any share link in Node on the tfjs cpu backend and writes its run
 * record (JSON or CSV). Progress and repairs go to stderr; usage errors exit with code 2.
 */
import { writeFileSync } from 'node:fs';
import { decodeConfig, encodeConfig } from '../config/codec';
import { DEFAULT_CONFIG } from '../config/schema';
import { recordRun } from '../record/recordRun';
import { runRecordToCsv, runRecordToJson } from '../record/runRecord';
import { USAGE, UsageError, parseSimulateArgs } from './args';
import { startNodeCpuBackend } from './nodeBackend';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseSimulateArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }

  const { config, repairs } =
    args.link === null ? { config: DEFAULT_CONFIG, repairs: [] } : decodeConfig(args.link);
  for (const repair of repairs) process.stderr.write(`repaired ${repair.path}: ${repair.reason}\n`);
  if (args.strict && repairs.length > 0) {
    process.stderr.write(
      `simulate: the link needed ${repairs.length} repair(s) and --strict is set\n`,
    );
    return 2;
  }

  const backend = await startNodeCpuBackend();
  const steps = args.steps ?? config.training.maxSteps;
  process.stderr.write(
    `simulate: ${encodeConfig(config)}\nsimulate: ${steps} steps on ${backend}\n`,
  );
  let lastReport = 0;
  const record = await recordRun(config, {
    steps,
    dump: args.dump,
    onProgress: (done, total) => {
      const now = Date.now();
      if (now - lastReport > 1000 || done === total) {
        lastReport = now;
        process.stderr.write(`simulate: step ${done}/${total}\n`);
      }
    },
  });
  for (const event of record.events) {
    const where = event.layer === null ? '' : ` in ${record.layers[event.layer]?.name}`;
    process.stderr.write(
      `simulate: non-finite ${event.what}${where} at step ${event.step}; stopped\n`,
    );
  }
  const text = args.format === 'csv' ? runRecordToCsv(record) : runRecordToJson(record);
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
