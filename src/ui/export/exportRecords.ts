/**
 * The run records of the runs on screen, written by the CLI's own writers (record/runRecord.ts):
 * one run as `simulate --format json|csv` writes it, several as `--variant all` does. Loaded
 * when the Export menu is used.
 */
import { encodeExperimentLink } from '../../config/variants';
import { pageRunRecords, type ShownRunData } from '../../record/pageRecords';
import { runRecordToJson, runRecordsToJson, type RunRecord } from '../../record/runRecord';
import { runRecordToCsv, runRecordsToCsv } from '../../record/runRecordCsv';
import { useConfigStore } from '../../store/configStore';
import { EMPTY_SNAPSHOT, usePublishedHistory } from '../../store/historyStore';
import { useSessionStore } from '../../store/sessionStore';
import { downloadBlob, exportFileStem } from './download';

export type RecordFormat = 'json' | 'csv';

/** The records of every run on screen (A first), from the histories the charts draw. */
export function shownRunRecords(): RunRecord[] {
  const { config, variants } = useConfigStore.getState();
  const { runs, runSteps, backend } = useSessionStore.getState();
  const snapshots = usePublishedHistory.getState().snapshots;
  const shown: ShownRunData[] = runs.map((run) => {
    const history = snapshots[run.letter] ?? EMPTY_SNAPSHOT;
    return {
      letter: run.letter,
      config: run.config,
      layers: run.layers,
      step: runSteps[run.letter] ?? 0,
      event: run.event,
      steps: history.steps,
      testLosses: history.testLosses,
      markers: history.markers,
    };
  });
  return pageRunRecords(encodeExperimentLink(config, variants), backend?.name ?? '', shown);
}

/** The records as text, exactly as the CLI writes them. */
export function recordsText(records: readonly RunRecord[], format: RecordFormat): string {
  const [only] = records;
  if (records.length === 1 && only) {
    return format === 'csv' ? runRecordToCsv(only) : runRecordToJson(only);
  }
  return format === 'csv' ? runRecordsToCsv(records) : runRecordsToJson(records);
}

/** Downloads the shown runs' records as JSON or CSV. */
export function downloadRecords(format: RecordFormat): void {
  const records = shownRunRecords();
  const text = recordsText(records, format);
  const step = Math.max(0, ...records.map((r) => r.coverage?.trained ?? 0));
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  downloadBlob(
    `${exportFileStem(
      records.map((r) => r.variant),
      step,
    )}.${format}`,
    new Blob([text], { type }),
  );
}
