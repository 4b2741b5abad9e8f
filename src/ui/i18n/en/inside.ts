/** English strings of the views inside the network (src/ui/inside). Placeholders are {name}. */
export const insideMessages = {
  'inside.predictTitle': 'What the network predicts',
  'inside.predictStep': 'step {step}',
  'inside.predictNone': 'Press play: the map appears with the first steps',
  'inside.predictAria.map':
    'Map of the network output over the input plane at step {step}, with the training points',
  'inside.predictAria.curve': 'Curve the network fits to the training points at step {step}',
  'inside.predictLegend.class0': 'class 0',
  'inside.predictLegend.class1': 'class 1',
  'inside.predictLegend.low': 'low',
  'inside.predictLegend.high': 'high',
  'inside.predictLegend.data': 'training points',
  'inside.predictLegend.fit': 'network output',
  'inside.predictAxes.map': 'x₁ → across, x₂ ↑ up',
  'inside.predictAxes.curve': 'input x → across, output ↑ up',
  'inside.predictHint': 'Point at the map for the exact output',
  'inside.predictReadout.classification': 'at ({x}, {y}): P(class 1) = {value}',
  'inside.predictReadout.regression': 'at ({x}, {y}): output {value}',
  'inside.predictReadout.curve': 'at x = {x}: output {value}',
  'inside.distToggle': 'Distributions',
  'inside.distTitle': 'Distribution per layer, step {step}',
  'inside.distQuantityLegend': 'Quantity histogrammed',
  'inside.distQuantity.preActivation': 'z',
  'inside.distQuantity.activation': 'φ(z)',
  'inside.distQuantity.signal': 'dL/dz',
  'inside.distQuantity.parameterGradient': 'dL/dW',
  'inside.distCaption.preActivation':
    "Histogram of each layer's pre-activations |z| on the step's batch, by magnitude (2 bins per decade), with bins for exact zeros and non-finite values.",
  'inside.distCaption.activation':
    "Histogram of each layer's activations |φ(z)| on the step's batch, by magnitude (2 bins per decade), with bins for exact zeros and non-finite values.",
  'inside.distCaption.signal':
    "Histogram of each layer's backpropagated signal |dL/dz| on the step's batch, by magnitude (2 bins per decade), with bins for exact zeros and non-finite values.",
  'inside.distCaption.parameterGradient':
    "Histogram of the entries of each layer's parameter gradients |dL/dW| and |dL/db| (before clipping), by magnitude (2 bins per decade), with bins for exact zeros and non-finite values.",
  'inside.distAxis': '|value|, log scale',
  'inside.distNone': 'Measured from the next step on: press play or step',
  'inside.distHint': 'Point at a cell for its exact count',
  'inside.distReadout': '{layer}, |value| in {bin}: {count} of {total} ({share}%)',
  'inside.satTitle.saturated': 'Saturated units per layer',
  'inside.satTitle.dead': 'Dead ReLU units per layer',
  'inside.satUndefined': 'Saturation is measured for tanh, sigmoid and ReLU layers',
  'inside.satHint': 'Point at the chart for each layer’s share',
  'inside.satCaption.saturated':
    'Share of the batch’s (example, unit) pairs where |φ′(z)| is below 5% of its maximum (tanh, sigmoid).',
  'inside.satCaption.dead': 'Share of units with z ≤ 0 on every example of the batch.',
} as const;
