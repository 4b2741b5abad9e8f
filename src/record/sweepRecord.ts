/**
 * A sweep's numbers as a file: one row per cell, a column per swept key (its value), then what
 * the cell measured. CSV has a header row; JSON is `{ "link", "steps", "axes": [...],
 * "cells": [...] }`, non-finite numbers written as "NaN" / "Infinity" like the run records.
 */
import type { CellMeasure } from '../config/sweepCell';
import type { SweepAxis, SweepKey } from '../config/sweepSpec';

export interface SweepCellRow {
  /** The swept keys' values for this cell, in axis order. */
  values: Partial<Record<SweepKey, number>>;
  measure: CellMeasure;
}

export interface SweepRecord {
  /** The experiment's canonical link, with the sweep. */
  link: string;
  backend: string;
  steps: number;
  axes: SweepAxis[];
  cells: SweepCellRow[];
}

/** The measured columns, in the order CSV writes them. */
const MEASURE_COLUMNS = [
  'logSlope',
  'globalNorm',
  'loss',
  'haltedStep',
  'stepsSurvived',
  'clippedShare',
  'meanClipFactor',
] as const satisfies ReadonlyArray<keyof CellMeasure>;

function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

export function sweepRecordToCsv(record: SweepRecord): string {
  const keys = record.axes.map((a) => a.key);
  const lines = [[...keys, ...MEASURE_COLUMNS].join(',')];
  for (const cell of record.cells) {
    lines.push(
      [
        ...keys.map((k) => csvNumber(cell.values[k] ?? null)),
        ...MEASURE_COLUMNS.map((c) => csvNumber(cell.measure[c])),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

export function sweepRecordToJson(record: SweepRecord): string {
  const cells = record.cells.map((cell) => ({ ...cell.values, ...cell.measure }));
  return JSON.stringify({ ...record, cells }, encodeNonFinite, 2) + '\n';
}
