/** English strings of the live charts (src/ui/charts). Placeholders are {name}. */
export const chartMessages = {
  'chart.panelLabel': 'Live charts',
  'chart.noData': 'No steps yet',

  // Quantity toggle and its caption.
  'chart.quantityLegend': 'Per-layer quantity',
  'chart.quantity.gradNorm': 'Gradient',
  'chart.quantity.clippedGradNorm': 'Gradient after clipping',
  'chart.quantity.signalNorm': 'Backpropagated signal',
  'chart.caption.gradNorm':
    "Parameter gradients: L2 norm of each layer's kernel+bias gradient, before clipping.",
  'chart.caption.clippedGradNorm':
    "Parameter gradients: L2 norm of each layer's kernel+bias gradient, after clipping (what the optimizer applies).",
  'chart.caption.signalNorm':
    'Backpropagated signal: Frobenius norm of dL/dz per layer (z = pre-activation). At batch size 1 in a deep linear net only this shows the geometric growth with depth.',

  // Chart titles.
  'chart.gradTitle.gradNorm': 'Gradient norm per layer',
  'chart.gradTitle.clippedGradNorm': 'Clipped gradient norm per layer',
  'chart.gradTitle.signalNorm': 'Backpropagated signal norm per layer',
  'chart.heatmapTitle': 'Layers × steps',
  'chart.depthTitle': 'Depth profile',
  'chart.axis.step': 'training step',
  'chart.axis.layer': 'layer (input → output)',
  'chart.axis.log': '{what} (log)',
  'chart.axis.colour': 'colour: {what}, log scale',
  'chart.axis.loss': 'loss',
  'chart.axis.weightNorm': 'weight norm',
  'chart.axis.globalNorm': 'global gradient norm',
  'chart.axis.quantity.gradNorm': 'gradient norm',
  'chart.axis.quantity.clippedGradNorm': 'clipped gradient norm',
  'chart.axis.quantity.signalNorm': 'signal norm',
  'chart.depthStep': 'step {step}',
  'chart.depthStepPinned': 'step {step}, as the link asks',
  'chart.followLatest': 'Show latest step',
  'chart.lossTitle': 'Loss',
  'chart.weightTitle': 'Weight norm per layer',

  // Series, axes and reference lines.
  'chart.axisStep': 'step',
  'chart.axisLayer': 'layer',
  'chart.tooltipStep': 'step {step}',
  'chart.tooltipLayer': 'layer {index}: {name}',
  'chart.layerFallback': 'layer {index}',
  'chart.layerOf': '{name} · layer {index} of {count}',
  'chart.tooltipMore': '+ {count} more',
  'chart.layerHidden': 'hidden{n}',
  'chart.layerOutput': 'output',
  'chart.globalNorm': 'global norm',
  'chart.clippedGlobalNorm': 'global norm after clipping',
  'chart.clipThreshold': 'clip threshold {value} (each kernel, each bias)',
  'chart.globalClipThreshold': 'clip threshold {value} (global norm)',
  'chart.markerMerged': '{count} changes, last: {last}',
  'chart.autoClipThreshold': 'AutoClip threshold: percentile p = {p} of the global norms so far',
  'chart.eventLabel': 'overflow: {what} in {layer}',
  'chart.eventLabelNoLayer': 'overflow: {what}',
  'chart.what.loss': 'loss',
  'chart.what.weightNorm': 'weights',
  'chart.what.signalNorm': 'signal',
  'chart.what.timeSignalNorm': 'signal through time',
  'chart.what.gradNorm': 'gradient',
  'chart.trainLoss': 'train',
  'chart.testLoss': 'test',
  'chart.measured': 'measured',
  'chart.theory': 'theory (at init)',
  'chart.theoryApprox': 'theory (at init, approximate)',
  'chart.theoryOnlySignal': 'Theory line: choose “Backpropagated signal”.',
  'chart.theoryNone': 'No theory line for this activation, init or architecture.',

  // Overflow and values.
  'chart.overflowNote': 'NaN or ∞ (overflow)',
  'chart.valueNaN': 'NaN',
  'chart.valueInfinity': '∞ (overflow)',
  'chart.valueNegInfinity': '−∞ (overflow)',
  'chart.valueZero': '0',

  // Legends.
  'chart.legendLabel': 'Layers: choose one to show it alone',
  'chart.legendStripLabel': 'Layers from input to output: choose one to show it alone',
  'chart.showAllLayers': 'Show all layers',
  'chart.smoothing': 'Smoothing',
  'chart.smoothingOff': 'off',
  'chart.smoothingHint':
    'Exponential moving average of each line on the log scale (as TensorBoard smooths); the measured line stays faint behind. The tooltip shows measured values.',

  // Heatmap.
  'chart.heatmapOutput': 'output',
  'chart.heatmapInput': 'input',
  'chart.heatmapNonFinite': 'NaN / ∞',
  'chart.heatmapEmpty': '0 / none',
  'chart.heatmapSteps': 'steps {first}–{last}',
  'chart.heatmapCell': '{layer}, step {step}: {value}',
  'chart.heatmapCellSteps': '{layer}, steps {first}–{last} (largest): {value}',
  'chart.heatmapAria':
    '{quantity}: heatmap of layers (rows, output at top, input at bottom) by steps {first} to {last}, log colour from {min} to {max}.',

  // Screen-reader summaries of the latest step.
  'chart.summaryLatest': 'Step {step}: largest {max} in {maxLayer}, smallest {min} in {minLayer}.',
  'chart.summaryLoss': 'Step {step}: train loss {loss}.',
} as const;
