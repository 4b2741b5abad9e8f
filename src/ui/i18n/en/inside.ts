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
  'inside.predictHint': 'Point at the map for the exact output',
  'inside.predictReadout.classification': 'at ({x}, {y}): P(class 1) = {value}',
  'inside.predictReadout.regression': 'at ({x}, {y}): output {value}',
  'inside.predictReadout.curve': 'at x = {x}: output {value}',
} as const;
