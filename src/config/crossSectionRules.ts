/**
 * Limits that involve more than one section, applied once every field is valid on its own:
 * the network's size depends on the dataset's input width, the batch on the training split.
 */
import { repair, type Repair } from './repairs';
import { LIMITS, parameterCount, trainSampleCount, type ExperimentConfig } from './schema';

/** Brings a config whose fields are each in range within the limits that span sections. */
export function fitAcrossSections(config: ExperimentConfig, repairs: Repair[]): void {
  fitParameterBudget(config, repairs);
  fitBatch(config, repairs);
}

/** Keeps the network under MAX_PARAMETERS by dropping its deepest hidden layers. */
function fitParameterBudget(config: ExperimentConfig, repairs: Repair[]): void {
  const hidden = config.network.hidden;
  const requested = parameterCount(config);
  if (requested <= LIMITS.MAX_PARAMETERS) return;
  const before = hidden.length;
  while (hidden.length > 0 && parameterCount(config) > LIMITS.MAX_PARAMETERS) hidden.pop();
  // Parameter counts grouped in thousands ("1,200,000"), as Chinese writes them too.
  const count = (n: number) => n.toLocaleString('en-US');
  repairs.push(
    repair('network.hidden', 'repair.tooManyParameters', {
      requested: count(requested),
      max: count(LIMITS.MAX_PARAMETERS),
      dropped: before - hidden.length,
      kept: hidden.length,
    }),
  );
}

/** Keeps the batch within the training set (the rows generateDataset actually trains on). */
function fitBatch(config: ExperimentConfig, repairs: Repair[]): void {
  const train = trainSampleCount(config.data);
  const batch = config.training.batchSize;
  if (batch <= train) return;
  const params = { batch: String(batch), train: String(train) };
  repairs.push(repair('training.batchSize', 'repair.batchAboveSamples', params));
  config.training.batchSize = train;
}
