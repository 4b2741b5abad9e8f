import type { recurrentMessages as en } from '../en/recurrent';

/** Simplified Chinese of en/recurrent.ts (same keys): recurrent mode. */
export const recurrentMessages: Record<keyof typeof en, string> = {
  'recurrent.timeTitle': '随时间传播的信号',
  'recurrent.timeHeatmapTitle': '时间步 × 训练步',
  'recurrent.axis.time': '时间步 t（最早 → 最后）',
  'recurrent.axis.signal': '‖dL/dh_t‖',
  'recurrent.axisTime': '时间步',
  'recurrent.rowFirst': 't = 1',
  'recurrent.rowLast': 't = {T}',
  'recurrent.timeName': 't = {t}',
  'recurrent.tooltipTime': '第 {t} 个时间步（共 {T} 个）',
  'recurrent.caption':
    '损失只取在最后一个时间步：‖dL/dh_t‖（对批次取 Frobenius 范数）显示梯度能沿时间向前传回多远。',
  'recurrent.theory': '理论：g^(T−t) × t = T 处的值',
  'recurrent.theoryNote':
    '线性 RNN，W_h = g Q（Q 为正交矩阵）：每向前回退一步，‖dL/dh_t‖ 恰好乘以 g = {g}。在初始化时精确成立；训练会使 W_h 偏离 g Q。',
  'recurrent.theoryNone':
    '理论曲线：仅适用于 cell 为 rnn、激活函数为 linear、循环初始化为 orthogonal:g。',
  'recurrent.radius': 'W_h 的谱半径 ≈ {value}（第 {step} 步）',
  'recurrent.radiusNone': 'W_h 的谱半径：尚未测量',
  'recurrent.pascanu':
    'Pascanu 等（2013）：若 |act′| ≤ γ（tanh 与 linear 的 γ = 1），当 W_h 的最大奇异值小于 1/γ = 1 时信号消失；大于它时可能爆炸。',
  'recurrent.heatmapAria':
    '‖dL/dh_t‖：时间步（行，最后一步在上，第一步在下）× 训练步 {first} 到 {last} 的热力图，对数色标从 {min} 到 {max}。',
  'recurrent.tensorsCaption':
    '展开后网络每个权重张量的参数梯度（W_x 输入、W_h 循环、b 偏置，LSTM/GRU 按门分开；W_y、b_y 为读出层）。',
  'recurrent.gradTitle.gradNorm': '每个权重张量的梯度范数',
  'recurrent.gradTitle.clippedGradNorm': '每个权重张量裁剪后的梯度范数',
  'recurrent.clipCaption.gradNorm': '裁剪前。',
  'recurrent.clipCaption.clippedGradNorm': '裁剪后（优化器实际应用的梯度）。',
  'recurrent.bannerWhere':
    '随时间反向传播的信号 ‖dL/dh_t‖ 在时间步 t = {t} 变为非有限值（NaN 或 ∞）。',
  'recurrent.eventLabelTime': '溢出：{what}，t = {t}',
  'recurrent.control.model': '模型',
  'recurrent.control.model.mlp': '前馈网络（MLP）',
  'recurrent.control.model.rnn': '循环网络（加法问题）',
  'recurrent.control.modelHelp.mlp': '在二维数据集上的多层全连接网络。',
  'recurrent.control.modelHelp.rnn':
    '一个循环层在 T 个时间步上展开；在最后一步预测两个标记数之和。',
  'recurrent.control.cell': '单元',
  'recurrent.control.cell.rnn': '普通 RNN',
  'recurrent.control.cell.lstm': 'LSTM',
  'recurrent.control.cell.gru': 'GRU',
  'recurrent.control.cellHelp.rnn': 'h_t = act(x_t W_x + h_(t−1) W_h + b)',
  'recurrent.control.cellHelp.lstm':
    '门 i、f、o；c_t = f c_(t−1) + i g：细胞状态让梯度沿时间传递。',
  'recurrent.control.cellHelp.gru': '门 r、z；h_t = (1 − z) n + z h_(t−1)。',
  'recurrent.control.timeSteps': '序列长度 T',
  'recurrent.control.units': '隐藏单元数',
  'recurrent.control.recurrentInit': '循环权重初始化',
  'recurrent.control.recurrentInit.orthogonal': '正交 × g',
  'recurrent.control.recurrentInit.identity': '单位矩阵 × g（IRNN）',
  'recurrent.control.recurrentInit.normal': '正态(σ)',
  'recurrent.control.recurrentInitHelp.orthogonal': 'W_h = g Q：每个奇异值都是 g。',
  'recurrent.control.recurrentInitHelp.identity': 'W_h = g I（Le 等，2015）。',
  'recurrent.control.recurrentInitHelp.normal': 'W_h 的元素 ~ N(0, σ²)。',
  'recurrent.control.recurrentGain': '循环增益 g',
  'recurrent.control.recurrentSigma': '循环 σ',
  'recurrent.control.layersNote':
    '深度、宽度、归一化和残差连接是前馈网络的设置：循环网络只有一个隐藏层，单元数见上。初始化和增益设置其输入与读出层的权重。',
  'recurrent.control.dataNote':
    '循环网络在加法问题上训练：不使用数据集和噪声；样本数、测试比例和数据种子决定其序列的数量与随机性。',
  'recurrent.control.gradientNote': '最大范数约束和剪枝作用于前馈网络的单元：不应用于循环网络。',
  'recurrent.compareTimeTitle': '随时间传播的信号 ‖dL/dh_t‖，各运行叠加',
  'recurrent.mapNote': '机制图只扫描前馈网络。',
  'recurrent.summary':
    '第 {step} 步，共 {count} 个时间步；{quantity} 在 t = 1（第一个时间步）为 {first}，在损失所在的最后一步为 {last}。',
};
