/** English strings of recurrent mode (model=rnn): its charts and controls. Placeholders are {name}. */
export const recurrentMessages = {
  // Time profile and time heatmap.
  'recurrent.timeTitle': 'Signal through time',
  'recurrent.timeHeatmapTitle': 'Time steps × training steps',
  'recurrent.axis.time': 'time step t (first → last)',
  'recurrent.axis.signal': '‖dL/dh_t‖',
  'recurrent.axisTime': 'time step',
  'recurrent.rowFirst': 't = 1',
  'recurrent.rowLast': 't = {T}',
  'recurrent.timeName': 't = {t}',
  'recurrent.tooltipTime': 'time step {t} of {T}',
  'recurrent.caption':
    'Loss at the last time step only: ‖dL/dh_t‖ (Frobenius norm over the batch) shows how far back in time the gradient reaches.',
  'recurrent.theory': 'theory: g^(T−t) × value at t = T',
  'recurrent.theoryNote':
    'Linear RNN with W_h = g Q (Q orthogonal): each step back multiplies ‖dL/dh_t‖ by exactly g = {g}. Exact at initialization; training moves W_h away from g Q.',
  'recurrent.theoryNone':
    'Theory line: only for cell rnn, activation linear and recurrent init orthogonal:g.',
  'recurrent.radius': 'spectral radius of W_h ≈ {value} (step {step})',
  'recurrent.radiusNone': 'spectral radius of W_h: not measured yet',
  'recurrent.pascanu':
    'Pascanu et al. (2013): with |act′| ≤ γ (γ = 1 for tanh and linear), the signal vanishes when the largest singular value of W_h is below 1/γ = 1; above it, it can explode.',
  'recurrent.heatmapAria':
    '‖dL/dh_t‖: heatmap of time steps (rows, last at top, first at bottom) by training steps {first} to {last}, log colour from {min} to {max}.',
  'recurrent.tensorsCaption':
    'Parameter gradients per weight tensor of the unrolled network (W_x input, W_h recurrent, b bias, per gate for LSTM/GRU; W_y, b_y readout).',
  'recurrent.gradTitle.gradNorm': 'Gradient norm per weight tensor',
  'recurrent.gradTitle.clippedGradNorm': 'Clipped gradient norm per weight tensor',
  'recurrent.clipCaption.gradNorm': 'Before clipping.',
  'recurrent.clipCaption.clippedGradNorm': 'After clipping (what the optimizer applies).',
  'recurrent.bannerWhere':
    'The backpropagated signal through time ‖dL/dh_t‖ became non-finite (NaN or ∞) at time step t = {t}.',
  'recurrent.eventLabelTime': 'overflow: {what} at t = {t}',
  // Controls.
  'recurrent.control.model': 'Model',
  'recurrent.control.model.mlp': 'Feed-forward (MLP)',
  'recurrent.control.model.rnn': 'Recurrent (adding problem)',
  'recurrent.control.modelHelp.mlp': 'Layers of dense units on a 2-D dataset.',
  'recurrent.control.modelHelp.rnn':
    'One recurrent layer unrolled over T time steps; predicts the sum of two marked numbers at the last step.',
  'recurrent.control.cell': 'Cell',
  'recurrent.control.cell.rnn': 'Vanilla RNN',
  'recurrent.control.cell.lstm': 'LSTM',
  'recurrent.control.cell.gru': 'GRU',
  'recurrent.control.cellHelp.rnn': 'h_t = act(x_t W_x + h_(t−1) W_h + b)',
  'recurrent.control.cellHelp.lstm':
    'Gates i, f, o; c_t = f c_(t−1) + i g: the cell state carries the gradient through time.',
  'recurrent.control.cellHelp.gru': 'Gates r, z; h_t = (1 − z) n + z h_(t−1).',
  'recurrent.control.timeSteps': 'Sequence length T',
  'recurrent.control.units': 'Hidden units',
  'recurrent.control.recurrentInit': 'Recurrent init',
  'recurrent.control.recurrentInit.orthogonal': 'Orthogonal × g',
  'recurrent.control.recurrentInit.identity': 'Identity × g (IRNN)',
  'recurrent.control.recurrentInit.normal': 'Normal(σ)',
  'recurrent.control.recurrentInitHelp.orthogonal': 'W_h = g Q: every singular value is g.',
  'recurrent.control.recurrentInitHelp.identity': 'W_h = g I (Le et al. 2015).',
  'recurrent.control.recurrentInitHelp.normal': 'Entries of W_h ~ N(0, σ²).',
  'recurrent.control.recurrentGain': 'Recurrent gain g',
  'recurrent.control.recurrentSigma': 'Recurrent σ',
  'recurrent.control.layersNote':
    'Depth, widths, normalization and skip connections are feed-forward settings: a recurrent network has one hidden layer of the units above. Init and gain set its input and readout kernels.',
  'recurrent.control.dataNote':
    'A recurrent network trains on the adding problem: the dataset and noise are not used; samples, test share and data seed size and seed its sequences.',
  'recurrent.control.gradientNote':
    'Max-norm and pruning act on feed-forward units: not applied to a recurrent network.',
  'recurrent.compareTimeTitle': 'Signal through time ‖dL/dh_t‖, runs overlaid',
  'recurrent.mapNote': 'The regime map sweeps feed-forward networks only.',
  'recurrent.summary':
    '{count} time steps at step {step}; {quantity} {first} at t = 1 (the first time step), {last} at the last, where the loss is.',
} as const;
