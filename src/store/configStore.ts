import { create } from 'zustand';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/schema';
import type { Repair } from '../config/repairs';
import type { VariantSpec } from '../config/variants';

/**
 * The experiment as the user has set it (the base config A and its variants), always valid, as
 * the session last published it. Read-only to the page: edits go through the session's actions
 * (pageSession.ts), which publishes them here at once.
 */
interface ConfigState {
  config: ExperimentConfig;
  variants: readonly VariantSpec[];
  /** Repairs made to the link the page was opened with, shown until dismissed. */
  linkRepairs: Repair[];
}

export const useConfigStore = create<ConfigState>(() => ({
  config: DEFAULT_CONFIG,
  variants: [],
  linkRepairs: [],
}));

export function dismissLinkRepairs(): void {
  useConfigStore.setState({ linkRepairs: [] });
}
