/**
 * The names repairs give the settings they talk about ("learning rate 20 is above the maximum
 * 10"), in English. Repairs carry the id (`repair.label.learningRate`), never the words, so the
 * page can say them in its own language: ui/i18n/en/repairs.ts reuses this table and
 * ui/i18n/zh-CN/repairs.ts translates it. A label may use the repair's other params
 * (`hiddenLayerWidthAt` uses {layer}).
 */
export const REPAIR_LABELS_EN = {
  // Numbers (numberRanges.ts)
  'repair.label.timeSteps': 'sequence length T',
  'repair.label.units': 'hidden units',
  'repair.label.recurrentInitGain': 'recurrent init gain',
  'repair.label.recurrentInitSigma': 'recurrent init sigma',
  'repair.label.forgetBias': 'LSTM forget-gate bias',
  'repair.label.seeds': 'seed count',
  'repair.label.samples': 'sample count',
  'repair.label.noise': 'noise',
  'repair.label.testFraction': 'test fraction',
  'repair.label.dataSeed': 'data seed',
  'repair.label.hiddenLayerWidth': 'hidden layer width',
  'repair.label.hiddenLayerWidthAt': 'hidden layer {layer} width',
  'repair.label.constantValue': 'constant init value',
  'repair.label.normalSigma': 'normal init sigma',
  'repair.label.uniformLimit': 'uniform init limit',
  'repair.label.orthogonalGain': 'orthogonal init gain',
  'repair.label.initGain': 'init gain',
  'repair.label.biasInit': 'bias init',
  'repair.label.initSeed': 'init seed',
  'repair.label.learningRate': 'learning rate',
  'repair.label.momentum': 'momentum',
  'repair.label.beta1': 'Adam beta1',
  'repair.label.beta2': 'Adam beta2',
  'repair.label.rho': 'RMSProp rho',
  'repair.label.epsilon': 'epsilon',
  'repair.label.l1': 'L1 strength',
  'repair.label.l2': 'L2 strength',
  'repair.label.clipThreshold': 'clip threshold',
  'repair.label.clipPercentile': 'AutoClip percentile',
  'repair.label.gradientScale': 'gradient scale',
  'repair.label.maxNorm': 'max-norm',
  'repair.label.pruneBelow': 'prune threshold',
  'repair.label.batchSize': 'batch size',
  'repair.label.maxSteps': 'max steps',
  'repair.label.sweepDepth': 'depth',
  'repair.label.sweepCount': 'count',
  'repair.label.sweepSteps': 'sweep steps',
  // Names and flags
  'repair.label.dataset': 'dataset',
  'repair.label.activation': 'activation',
  'repair.label.normalization': 'normalization',
  'repair.label.initScheme': 'init scheme',
  'repair.label.optimizer': 'optimizer',
  'repair.label.clipMode': 'clip mode',
  'repair.label.model': 'model',
  'repair.label.cell': 'cell',
  'repair.label.recurrentInit': 'recurrent init',
  'repair.label.nesterov': 'Nesterov flag',
  'repair.label.bias': 'bias flag',
  'repair.label.residual': 'residual flag',
  'repair.label.hiddenLayers': 'hidden layers',
  'repair.label.version': 'version',
  // Sections of a config object
  'repair.label.settings': 'the settings',
  'repair.label.modelSettings': 'model settings',
  'repair.label.dataSettings': 'data settings',
  'repair.label.networkSettings': 'network settings',
  'repair.label.initSettings': 'init settings',
  'repair.label.optimizerSettings': 'optimizer settings',
  'repair.label.regularizationSettings': 'regularization settings',
  'repair.label.gradientSettings': 'gradient settings',
  'repair.label.clipSettings': 'clip settings',
  'repair.label.trainingSettings': 'training settings',
} as const;

/** The id of a setting's name in repairs. */
export type RepairLabel = keyof typeof REPAIR_LABELS_EN;

export function isRepairLabel(id: string): id is RepairLabel {
  return Object.hasOwn(REPAIR_LABELS_EN, id);
}
