/** Shallow edits of one config section, shared by the panel's sections. */
import { useCallback } from 'react';
import type { ExperimentConfig } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';

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
  const update = useConfigStore((s) => s.update);
  return useCallback((patch) => update((c) => patchSection(c, key, patch)), [update, key]);
}
