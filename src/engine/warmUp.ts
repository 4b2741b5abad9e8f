import type { ExperimentConfig } from '../config/schema';
import { createTrainer } from './createTrainer';
import type { TrainerOptions } from './trainer';

/**
 * Trains one throwaway step (with the test loss) of `config`, so the backend compiles every
 * shader the real run will use before the user presses Play: on WebGL the first step otherwise
 * waits ~2 s for shader compilation. Leaves no tensors and no trainer behind.
 */
export async function warmUpBackend(
  config: ExperimentConfig,
  options: Pick<TrainerOptions, 'normMode'>,
): Promise<void> {
  const trainer = createTrainer(config, options);
  try {
    await trainer.train(1, { testLoss: true });
  } finally {
    trainer.dispose();
  }
}

/** Remembers which configs were warmed up on the current backend. */
export class WarmUpCache {
  private readonly warmed = new Set<string>();

  async ensure(config: ExperimentConfig, options: Pick<TrainerOptions, 'normMode'>): Promise<void> {
    const key = JSON.stringify(config);
    if (this.warmed.has(key)) return;
    await warmUpBackend(config, options);
    this.warmed.add(key);
  }

  /** A new backend compiles its shaders anew. */
  clear(): void {
    this.warmed.clear();
  }
}
