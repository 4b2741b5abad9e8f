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
  'recurrent.theory': 'theory: g^(T−t) × value at t = T',
  'recurrent.theoryNote':
    'W_h = g Q, linear: each step back multiplies ‖dL/dh_t‖ by g = {g} (exact at init).',
  'recurrent.theoryNone': 'Theory line: vanilla cell, linear, rinit orthogonal:g only.',
  'recurrent.radius': 'spectral radius of W_h ≈ {value} (step {step})',
  'recurrent.radiusNone': 'spectral radius of W_h: not measured yet',
  'recurrent.pascanu':
    'Pascanu et al. 2013: the signal vanishes if the largest singular value of W_h < 1/γ (γ = 1 for tanh, linear).',
  'recurrent.heatmapAria':
    '‖dL/dh_t‖ by time step (rows, t = 1 at bottom) and training steps {first} to {last}, log colour {min} to {max}.',
  'recurrent.tensorsCaption': 'Parameter gradient per weight tensor (per gate for LSTM/GRU).',
  'recurrent.gradTitle.gradNorm': 'Gradient norm per weight tensor',
  'recurrent.weightTitle': 'Weight norm per weight tensor',
  'recurrent.gradTitle.clippedGradNorm': 'Clipped gradient norm per weight tensor',
  'recurrent.clipCaption.gradNorm': 'Before clipping.',
  'recurrent.clipCaption.clippedGradNorm': 'After clipping.',
  'recurrent.bannerWhere': '‖dL/dh_t‖ became non-finite (NaN or ∞) at time step t = {t}.',
  'recurrent.eventLabelTime': 'overflow: {what} at t = {t}',
  // Controls.
  'recurrent.control.model': 'Model',
  'recurrent.control.model.mlp': 'Feed-forward (MLP)',
  'recurrent.control.model.rnn': 'Recurrent (adding problem)',
  'recurrent.control.modelHelp.mlp': 'Dense layers on a 2-D dataset.',
  'recurrent.control.modelHelp.rnn':
    'One recurrent layer over T steps; predicts the sum of two marked numbers.',
  'recurrent.control.cell': 'Cell',
  'recurrent.control.cell.rnn': 'Vanilla RNN',
  'recurrent.control.cell.lstm': 'LSTM',
  'recurrent.control.cell.gru': 'GRU',
  'recurrent.control.cellHelp.rnn': 'h_t = act(x_t W_x + h_(t−1) W_h + b)',
  'recurrent.control.cellHelp.lstm': 'c_t = f c_(t−1) + i g carries the gradient.',
  'recurrent.control.cellHelp.gru': 'Gates r, z; h_t = (1 − z) n + z h_(t−1).',
  'recurrent.control.timeSteps': 'Sequence length T',
  'recurrent.control.units': 'Hidden units',
  'recurrent.control.recurrentInit': 'Recurrent init',
  'recurrent.control.recurrentInit.orthogonal': 'Orthogonal × g',
  'recurrent.control.recurrentInit.identity': 'Identity × g (IRNN)',
  'recurrent.control.recurrentInit.normal': 'Normal(σ)',
  'recurrent.control.recurrentInitHelp.orthogonal': 'W_h = g Q: singular values all g.',
  'recurrent.control.recurrentInitHelp.identity': 'W_h = g I (Le et al. 2015).',
  'recurrent.control.recurrentInitHelp.normal': 'Entries of W_h ~ N(0, σ²).',
  'recurrent.control.recurrentGain': 'Recurrent gain g',
  'recurrent.control.recurrentSigma': 'Recurrent σ',
  'recurrent.control.initGain': 'Init gain (W_x, W_y)',
  'recurrent.control.initScheme': 'Initialization (W_x, W_y)',
  'recurrent.control.layersNote':
    'Depth, widths, normalization and skip connections are feed-forward settings; init and gain set the input and readout kernels.',
  'recurrent.control.dataNote':
    'Adding problem: samples, test share and data seed apply; dataset and noise do not.',
  'recurrent.control.gradientNote': 'Max-norm and pruning: feed-forward only.',
  'recurrent.compareTimeTitle': 'Signal through time ‖dL/dh_t‖, runs overlaid',
  // The first visit's orientation, for a recurrent link.
  'recurrent.orientation.what':
    'Gradscope trains a real recurrent network in your browser and shows how large the gradient of each weight tensor is as it learns, and how the gradient signal changes back through time.',
  'recurrent.orientation.lines':
    'In the gradient chart each line is one weight tensor (W_x, W_h, b_h, per gate for LSTM and GRU, then the readout W_y, b_y), on a log scale; the signal-through-time chart draws ‖dL/dh_t‖ for t = 1 … T.',
  'recurrent.orientation.patterns':
    'Exploding gradients grow step by step back through time toward t = 1 when W_h stretches the signal (spectral radius above 1), until a value overflows and training stops itself; vanishing gradients shrink toward t = 1, so the network cannot link two marked numbers far apart. Press Play to train this network, or let a lesson show you each case.',
  'recurrent.mapNote': 'The regime map and the seed bands measure feed-forward networks only.',
  'recurrent.summary':
    '{count} time steps at step {step}; {quantity} {first} at t = 1, {last} at t = T.',
} as const;
