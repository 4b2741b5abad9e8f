/**
 * The run records as CSV: one row per step, one column per scalar and per layer quantity, the
 * optional quantities (time-step signals, W_h's spectral radius) as columns after those, so a
 * newer table only gains columns and the older ones keep their places.
 */
import { RUN_RECORD_VERSION, type RunRecord } from './runRecord';

const PER_LAYER = ['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'] as const;

/** Time steps of the longest recurrent run among the records (0 for feed-forward ones). */
function timeStepsOf(records: readonly RunRecord[]): number {
  return Math.max(
    0,
    ...records.map((r) => (r.config.model.kind === 'rnn' ? r.config.model.timeSteps : 0)),
  );
}

/** Whether any step of the records carries W_h's spectral radius (vanilla recurrent runs). */
function hasSpectralRadius(records: readonly RunRecord[]): boolean {
  return records.some((r) => r.steps.some((s) => s.spectralRadius !== undefined));
}

/** Which optional columns a table of records has, beside its layers. */
interface CsvColumns {
  names: readonly string[];
  /** One timeSignalNorm_t column per time step (0 for feed-forward runs). */
  timeSteps: number;
  /** A spectralRadius column, filled on the steps that measured it (blank on the others). */
  spectralRadius: boolean;
}

function csvColumnsOf(records: readonly RunRecord[], names: readonly string[]): CsvColumns {
  return { names, timeSteps: timeStepsOf(records), spectralRadius: hasSpectralRadius(records) };
}

/** The CSV column names of a table with `columns`. */
function csvHeader({ names, timeSteps, spectralRadius }: CsvColumns): string[] {
  return [
    'step',
    'loss',
    'globalNorm',
    'clippedGlobalNorm',
    'clipped',
    ...PER_LAYER.flatMap((q) => names.map((n) => `${q}_${n}`)),
    // Added after the per-layer columns, so the earlier columns keep their places.
    'clipThreshold',
    'clipCosine',
    ...Array.from({ length: timeSteps }, (_, t) => `timeSignalNorm_t${t + 1}`),
    ...(spectralRadius ? ['spectralRadius'] : []),
  ];
}

const cell = (value: number | undefined) => (value === undefined ? '' : String(value));

/** One CSV row per step of a record, its layers placed under `names` (blank where it has none). */
function csvRows(record: RunRecord, { names, timeSteps, spectralRadius }: CsvColumns): string[][] {
  const at = names.map((name) => record.layers.findIndex((layer) => layer.name === name));
  return record.steps.map((s) => [
    String(s.step),
    String(s.loss),
    String(s.globalNorm),
    String(s.clippedGlobalNorm),
    s.clipped ? '1' : '0',
    ...PER_LAYER.flatMap((q) => at.map((i) => (i < 0 ? '' : cell(s[q][i])))),
    s.clipThreshold === null || s.clipThreshold === undefined ? '' : String(s.clipThreshold),
    s.clipCosine === undefined ? '' : String(s.clipCosine),
    ...Array.from({ length: timeSteps }, (_, t) => cell(s.timeSignalNorm?.[t])),
    ...(spectralRadius ? [cell(s.spectralRadius)] : []),
  ]);
}

/** Comment lines after the rows: the non-finite events, then what a page export covers. */
function csvEventLines(record: RunRecord, run: string): string[] {
  const lines = record.events.map(
    (e) => `# event ${run}step=${e.step} kind=${e.kind} layer=${e.layer ?? ''} what=${e.what}`,
  );
  const coverage = record.coverage;
  if (coverage) {
    lines.push(
      `# steps ${run}trained=${coverage.trained} included=${coverage.included} ` +
        `every=${coverage.everyStep ? 1 : 0} note=${coverage.note}`,
      ...coverage.changes.map((c) => `# change ${run}step=${c.step} what=${c.label}`),
    );
  }
  return lines;
}

/**
 * One row per step, one column per scalar and per layer quantity. The first line is a comment
 * holding the link (pandas: read_csv(..., comment='#')).
 */
export function runRecordToCsv(record: RunRecord): string {
  const columns = csvColumnsOf(
    [record],
    record.layers.map((l) => l.name),
  );
  const lines = [
    `# gradscope run record v${record.version} backend=${record.backend} link=${record.link}`,
    csvHeader(columns).join(','),
    ...csvRows(record, columns).map((row) => row.join(',')),
    ...csvEventLines(record, ''),
  ];
  return lines.join('\n') + '\n';
}

/** Every layer name of the records, each once, in network order (hidden1, ..., output). */
function layerNamesOf(records: readonly RunRecord[]): string[] {
  const names: string[] = [];
  for (const record of records) {
    let after = -1;
    for (const { name } of record.layers) {
      const at = names.indexOf(name);
      if (at >= 0) after = at;
      else names.splice(++after, 0, name);
    }
  }
  return names;
}

/**
 * Several runs in one table: the single-run columns after a leading `run` column (a, b, ...).
 * Runs of different depths share the columns of the layers they have; the others are blank.
 */
export function runRecordsToCsv(records: readonly RunRecord[]): string {
  const columns = csvColumnsOf(records, layerNamesOf(records));
  const first = records[0];
  const runs = records.map((r) => r.variant).join(',');
  const lines = [
    `# gradscope run records v${RUN_RECORD_VERSION} backend=${first?.backend ?? ''} ` +
      `runs=${runs} link=${first?.link ?? ''}`,
    ['run', ...csvHeader(columns)].join(','),
  ];
  for (const record of records) {
    for (const row of csvRows(record, columns)) {
      lines.push([record.variant, ...row].join(','));
    }
  }
  for (const record of records) lines.push(...csvEventLines(record, `run=${record.variant} `));
  return lines.join('\n') + '\n';
}
