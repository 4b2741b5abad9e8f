import type { insideMessages as en } from '../en/inside';

/** Simplified Chinese of en/inside.ts (same keys): the views inside the network. */
export const insideMessages: Record<keyof typeof en, string> = {
  'inside.predictTitle': '网络的预测',
  'inside.predictStep': '第 {step} 步',
  'inside.predictNone': '点击“开始”：训练几步后就会出现预测图',
  'inside.predictAria.map': '第 {step} 步时网络输出在输入平面上的分布图，叠加训练样本点',
  'inside.predictAria.curve': '第 {step} 步时网络对训练样本点拟合出的曲线',
  'inside.predictLegend.class0': '类别 0',
  'inside.predictLegend.class1': '类别 1',
  'inside.predictLegend.low': '低',
  'inside.predictLegend.high': '高',
  'inside.predictLegend.data': '训练样本',
  'inside.predictLegend.fit': '网络输出',
  'inside.predictAxes.map': 'x₁ → 横向，x₂ ↑ 纵向',
  'inside.predictAxes.curve': '输入 x → 横向，输出 ↑ 纵向',
  'inside.predictHint': '鼠标指向图中任一点可看到精确输出',
  'inside.predictReadout.classification': '在 ({x}, {y})：P(类别 1) = {value}',
  'inside.predictReadout.regression': '在 ({x}, {y})：输出 {value}',
  'inside.predictReadout.curve': '在 x = {x}：输出 {value}',
  'inside.distToggle': '分布',
  'inside.distTitle': '各层分布，第 {step} 步',
  'inside.distQuantityLegend': '统计直方图的量',
  'inside.distQuantity.preActivation': 'z',
  'inside.distQuantity.activation': 'φ(z)',
  'inside.distQuantity.signal': 'dL/dz',
  'inside.distQuantity.parameterGradient': 'dL/dW',
  'inside.distCaption.preActivation':
    '本步批次上各层激活前的值 |z| 按数量级统计的直方图（每个数量级 2 个区间），另有恰好为零和非有限值的区间。',
  'inside.distCaption.activation':
    '本步批次上各层激活值 |φ(z)| 按数量级统计的直方图（每个数量级 2 个区间），另有恰好为零和非有限值的区间。',
  'inside.distCaption.signal':
    '本步批次上各层反向传播信号 |dL/dz| 按数量级统计的直方图（每个数量级 2 个区间），另有恰好为零和非有限值的区间。',
  'inside.distCaption.parameterGradient':
    '各层参数梯度 |dL/dW| 与 |dL/db| 各元素（裁剪前）按数量级统计的直方图（每个数量级 2 个区间），另有恰好为零和非有限值的区间。',
  'inside.distAxis': '|数值|，对数刻度',
  'inside.distNone': '从下一步开始统计：请点击“开始”或“单步”',
  'inside.distHint': '鼠标指向格子可看到精确计数',
  'inside.distReadout': '{layer}，|数值| 在 {bin}：{total} 个中有 {count} 个（{share}%）',
  'inside.satTitle.saturated': '各层饱和单元占比',
  'inside.satTitle.dead': '各层“死亡” ReLU 单元占比',
  'inside.satUndefined': '只对 tanh、sigmoid 和 ReLU 层统计饱和情况',
  'inside.satHint': '鼠标指向图表可看到每层的占比',
  'inside.satCaption.saturated':
    '批次中 |φ′(z)| 低于其最大值 5% 的（样本，单元）对所占比例（tanh、sigmoid）。',
  'inside.satCaption.dead': '在整个批次的每个样本上都有 z ≤ 0 的单元所占比例。',
};
