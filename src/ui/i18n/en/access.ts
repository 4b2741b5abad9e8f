/** Small-screen layout and text alternatives for screen readers. */
export const accessMessages = {
  'layout.settings': 'Settings',
  'layout.closeSettings': 'Close settings',
  'access.summaryLayers': '{count} layers at step {step};',
  'access.summaryOneLayer': '1 layer at step {step};',
  'access.summarySmaller':
    "input layer {input}'s {quantity} {inputValue}, {ratio} × smaller than the output layer's ({outputValue}).",
  'access.summaryLarger':
    "input layer {input}'s {quantity} {inputValue}, {ratio} × larger than the output layer's ({outputValue}).",
  'access.summaryEqual':
    "input layer {input}'s {quantity} {inputValue}, the same as the output layer's.",
  'access.summaryEnds':
    "input layer {input}'s {quantity} {inputValue}, the output layer's {outputValue}.",
  'access.logSliderValue': '{value}, log scale',
  'access.table': 'Table',
  'access.tableLabel': 'Table: {title}',
  'access.tableCaption': 'Values at step {step}',
  'access.tableLayer': 'Layer',
} as const;
