import type { weightsMessages as en } from '../en/weights';

/**
 * Simplified Chinese of en/weights.ts (same keys, same placeholders): why a compared run does
 * not start from A's initial weights and batches. {settings} lists the link keys that differ.
 */
export const weightsMessages: Record<keyof typeof en, string> = {
  'weights.otherData': '{name} 用的是另一份数据（{settings}），所以它的训练批次与 A 不同',
  'weights.otherBatches': '{name} 的批次划分不同（{settings}），所以它的批次与 A 不同',
  'weights.otherSeed': '{name} 的种子不同（{settings}），所以它的初始权重和批次顺序都与 A 不同',
  'weights.otherSeedBatchOrder': '{name} 的种子不同（{settings}），所以它的批次顺序与 A 不同',
  'weights.otherLength': '{name} 训练用的序列长度不同（{settings}），所以它的训练批次与 A 不同',
  'weights.otherCell':
    '{name} 的循环单元类型或隐藏单元数不同（{settings}），所以它的权重形状与 A 不同',
  'weights.otherForgetBias':
    '{name} 的遗忘门偏置初值不同（{settings}），所以它的初始权重在 b_f 上与 A 不同',
  'weights.otherRecurrentInit': '{name} 的循环权重初始化方式不同（{settings}），所以它们与 A 不同',
  'weights.scaledRecurrent': '{name} 的循环权重是 A 的同一组随机数，只是缩放不同（{settings}）',
  'weights.scaledRecurrentIdentity': '{name} 的循环权重是 A 的单位矩阵，只是缩放不同（{settings}）',
  'weights.otherWidths': '{name} 的层宽度不同（{settings}），所以它的初始权重与 A 不同',
  'weights.otherInputWidth': '{name} 的数据输入维度不同，所以它第一层的初始权重与 A 不同',
  'weights.otherFamily':
    '{name} 的权重矩阵取自{familyB}，A 的取自{familyA}（{settings}），所以 {name} 的初始权重与 A 不同',
  'weights.zeroKernelsA': 'A 的权重矩阵全部从零开始（{settings}），所以 {name} 的初始权重与 A 不同',
  'weights.zeroKernelsB':
    '{name} 的权重矩阵全部从零开始（{settings}），所以 {name} 的初始权重与 A 不同',
  'weights.scaledConstant': '{name} 的权重矩阵从另一个常数开始，即 A 的常数经过缩放（{settings}）',
  'weights.scaledDraws': '{name} 与 A 使用同样的一组{family}，只是缩放不同（{settings}）',
  'weights.biasAdded': '{name} 的各层有偏置，A 的没有，所以它的初始权重与 A 不同',
  'weights.biasRemoved': '{name} 的各层没有偏置，A 的有，所以它的初始权重与 A 不同',
  'weights.biasInit': '{name} 的偏置初始值不同（{settings}），所以它的初始权重与 A 不同',
  'weights.kernelsSame': '它的权重矩阵与 A 的起点相同',
  'weights.kernelsScaled': '它的权重矩阵取自 A 的随机数，经过缩放',
  'weights.family.constant': '常数',
  'weights.family.normal': '正态随机数',
  'weights.family.uniform': '均匀随机数',
  'weights.family.orthogonal': '正交化的正态矩阵',
  'weights.change': '{key} 由 {was} 改为 {is}',
  'weights.unset': '未设置',
  'weights.listJoin': '，',
  'weights.noteJoin': '；',
};
