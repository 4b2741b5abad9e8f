import type { chartMessages as en } from '../en/charts';

/** Simplified Chinese of en/charts.ts (same keys): the live charts. */
export const chartMessages: Record<keyof typeof en, string> = {
  'chart.panelLabel': '实时图表',
  'chart.noData': '还没有训练步',

  // 逐层量的切换及说明。
  'chart.quantityLegend': '逐层显示的量',
  'chart.quantity.gradNorm': '梯度',
  'chart.quantity.clippedGradNorm': '裁剪后的梯度',
  'chart.quantity.signalNorm': '反向传播信号',
  'chart.caption.gradNorm': '参数梯度：每层权重与偏置梯度合在一起的 L2 范数，裁剪之前。',
  'chart.caption.clippedGradNorm':
    '参数梯度：每层权重与偏置梯度合在一起的 L2 范数，裁剪之后（即优化器实际使用的梯度）。',
  'chart.caption.signalNorm':
    '反向传播信号：每层 dL/dz 的 Frobenius 范数（z 为激活前的值）。在批量大小为 1 的深层线性网络中，只有它能显示出随深度的几何级数增长。',

  // 图表标题。
  'chart.gradTitle.gradNorm': '各层梯度范数',
  'chart.gradTitle.clippedGradNorm': '各层裁剪后的梯度范数',
  'chart.gradTitle.signalNorm': '各层反向传播信号范数',
  'chart.heatmapTitle': '层 × 训练步',
  'chart.depthTitle': '深度剖面',
  'chart.axis.step': '训练步',
  'chart.axis.layer': '层（输入 → 输出）',
  'chart.axis.log': '{what}（对数）',
  'chart.axis.colour': '颜色：{what}，对数刻度',
  'chart.axis.loss': '损失',
  'chart.axis.weightNorm': '权重范数',
  'chart.axis.globalNorm': '全局梯度范数',
  'chart.axis.quantity.gradNorm': '梯度范数',
  'chart.axis.quantity.clippedGradNorm': '裁剪后的梯度范数',
  'chart.axis.quantity.signalNorm': '信号范数',
  'chart.depthStep': '第 {step} 步',
  'chart.depthStepPinned': '第 {step} 步（链接指定）',
  'chart.followLatest': '显示最新一步',
  'chart.lossTitle': '损失',
  'chart.weightTitle': '各层权重范数',

  // 曲线、坐标轴和参考线。
  'chart.axisStep': '步',
  'chart.axisLayer': '层',
  'chart.tooltipStep': '第 {step} 步',
  'chart.tooltipLayer': '第 {index} 层：{name}',
  'chart.layerFallback': '第 {index} 层',
  'chart.layerHidden': '隐藏层{n}',
  'chart.layerOutput': '输出层',
  'chart.layerOf': '{name} · 第 {index} 层，共 {count} 层',
  'chart.tooltipMore': '另有 {count} 项',
  'chart.globalNorm': '全局范数',
  'chart.clippedGlobalNorm': '裁剪后的全局范数',
  'chart.clipThreshold': '裁剪阈值 {value}（每个权重矩阵、每个偏置各自）',
  'chart.globalClipThreshold': '裁剪阈值 {value}（全局范数）',
  'chart.markerMerged': '{count} 处改动，最后一处：{last}',
  'chart.autoClipThreshold': 'AutoClip 阈值：迄今全局范数的第 p = {p} 百分位',
  'chart.eventLabel': '溢出：{layer} 的{what}',
  'chart.eventLabelNoLayer': '溢出：{what}',
  'chart.what.loss': '损失',
  'chart.what.weightNorm': '权重',
  'chart.what.signalNorm': '信号',
  'chart.what.timeSignalNorm': '随时间的信号',
  'chart.what.gradNorm': '梯度',
  'chart.trainLoss': '训练集',
  'chart.testLoss': '测试集',
  'chart.measured': '实测',
  'chart.theory': '理论值（初始化时）',
  'chart.theoryApprox': '理论值（初始化时，近似）',
  'chart.theoryOnlySignal': '理论曲线：请选择“反向传播信号”。',
  'chart.theoryNone': '这种激活函数、初始化或网络结构没有理论曲线。',

  // 溢出与数值。
  'chart.overflowNote': 'NaN 或 ∞（溢出）',
  'chart.valueNaN': 'NaN',
  'chart.valueInfinity': '∞（溢出）',
  'chart.valueNegInfinity': '−∞（溢出）',
  'chart.valueZero': '0',

  // 图例。
  'chart.legendLabel': '各层：选择一层单独显示',
  'chart.legendStripLabel': '从输入到输出的各层：选择一层单独显示',
  'chart.showAllLayers': '显示所有层',
  'chart.smoothing': '平滑',
  'chart.smoothingOff': '关',
  'chart.smoothingHint':
    '在对数刻度上对每条曲线做指数移动平均（与 TensorBoard 的平滑方式相同）；实测曲线以淡色留在后面。提示框显示的是实测值。',

  // 热力图。
  'chart.heatmapOutput': '输出',
  'chart.heatmapInput': '输入',
  'chart.heatmapNonFinite': 'NaN / ∞',
  'chart.heatmapEmpty': '0 / 无',
  'chart.heatmapSteps': '第 {first}–{last} 步',
  'chart.heatmapCell': '{layer}，第 {step} 步：{value}',
  'chart.heatmapCellSteps': '{layer}，第 {first}–{last} 步（最大值）：{value}',
  'chart.heatmapAria':
    '{quantity}：层（行，输出在上、输入在下）× 第 {first} 到 {last} 步的热力图，颜色按对数刻度从 {min} 到 {max}。',

  // 给读屏软件的最新一步摘要。
  'chart.summaryLatest': '第 {step} 步：最大 {max}，在 {maxLayer}；最小 {min}，在 {minLayer}。',
  'chart.summaryLoss': '第 {step} 步：训练损失 {loss}。',
};
