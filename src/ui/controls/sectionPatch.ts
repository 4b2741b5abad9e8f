/** Shallow edits of one config section, shared by the panel's sections. */
import { updateConfig } from '../../store/pageSession';
import { useCallback } from 'react';
import type { ExperimentConfig } from '../../config/schema';

/** Sections that are plain records (the optimizer, a union, has its own edits). */
export type RecordSection =
  'data' | 'network' | 'init' | 'regularization' | 'gradient' | 'training';

/** The config with some fields of one section replaced. */
export function patchSection<K extends RecordSection>(
  config: ExperimentConfig,
  key: K,
  patch: Partial<ExperimentConfig[K]>,
): ExperimentConfig {
  const next = { ...config };
  next[key] = { ...config[key], ...patch };
  return next;
}

/** A stable callback that patches one section through the store (which validates the result). */
export function useSectionPatch<K extends RecordSection>(
  key: K,
): (patch: Partial<ExperimentConfig[K]>) => void {
  return useCallback((patch) => updateConfig((c) => patchSection(c, key, patch)), [key]);
}
