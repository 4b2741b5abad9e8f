import { create } from 'zustand';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/schema';
import { validateConfig, type Repair } from '../config/validate';

interface ConfigState {
  /** The experiment as the user has set it; always valid. */
  config: ExperimentConfig;
  /** Repairs made to the link the page was opened with, shown until dismissed. */
  linkRepairs: Repair[];
  /** Replaces the config with `updater(current)`, clamped into valid ranges. */
  update: (updater: (current: ExperimentConfig) => ExperimentConfig) => void;
  /** Replaces the config from a link, keeping what was repaired for the notice. */
  loadFromLink: (config: ExperimentConfig, repairs: Repair[]) => void;
  dismissRepairs: () => void;
}

export const useConfigStore = create<ConfigState>((set) => ({
  config: DEFAULT_CONFIG,
  linkRepairs: [],
  update: (updater) => set((state) => ({ config: validateConfig(updater(state.config)).config })),
  loadFromLink: (config, repairs) => set({ config, linkRepairs: repairs }),
  dismissRepairs: () => set({ linkRepairs: [] }),
}));
