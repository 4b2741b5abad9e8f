import type { LessonTexts } from '../lessonTexts';

/**
 * The recurrent lessons (config/recurrentLessons.ts) in Simplified Chinese: one sentence per
 * observation, in the lesson's order, as in lessonTexts.ts.
 */
export const ZH_CN_RECURRENT_LESSON_TEXTS: LessonTexts = {
  'rnn-vanishes-lstm-forget-gate': {
    title: '穿越时间：普通 RNN 会遗忘，LSTM 只有在遗忘门打开时才不会',
    summary:
      '加法问题的损失只取 T = 100 步中的最后一步，所以信号 ‖dL/dh_t‖ 显示梯度能沿时间往回传多远：' +
      '在普通 tanh RNN 中它每往回一步就衰减一些，而 LSTM 只有在遗忘门一开始就打开时才能保住它。',
    observations: [
      '运行 A 是循环权重为正交矩阵（增益 1，对它最有利的情形）的普通 tanh RNN：第 1 步时，' +
        '第一个时间步的信号 ‖dL/dh_1‖ 不到最后一个时间步信号 ‖dL/dh_T‖ 的百分之一（1/100）。',
      '运行 B 是遗忘门偏置取常用值 1 的 LSTM：第 1 步时它的 ‖dL/dh_1‖ 同样不到 ‖dL/dh_T‖ 的百分之一（1/100），' +
        '可见单靠 LSTM 并不能解决问题。',
      '运行 C 是同一个 LSTM，但遗忘门偏置为 3（c.fbias=3）：第 1 步时它的 ‖dL/dh_1‖ 超过 ‖dL/dh_T‖ 的十分之一（0.1），' +
        '梯度一直传回到了最前面。',
      '只有开始时如此：C 的第一个梯度很大（第 1 步时全局范数超过 100），这次未裁剪的更新之后，它的梯度也衰减了：' +
        '第 2 步时它的 ‖dL/dh_1‖ 不到 ‖dL/dh_T‖ 的百分之一（1/100）。',
    ],
    why:
      'LSTM 的细胞状态在每往回一步时，都把梯度乘以遗忘门 f = σ(b_f + …)。当 b_f = 1 时，f 起初约为 σ(1) ≈ 0.73，' +
      '而 0.73^99 ≈ 3·10⁻¹⁴：这条通路是关闭的，能到达 h_1 的梯度和普通 RNN 一样只能经过循环权重。' +
      '当 b_f = 3 时，f 起初约为 σ(3) ≈ 0.95，细胞会保住自己的状态（Gers、Schmidhuber 与 Cummins 2000；' +
      'Jozefowicz、Zaremba 与 Sutskever 2015）。B 和 C 的初始权重除 b_f（也就是这次的改动）外完全相同；' +
      'A 做不到：普通单元只有一组权重，而 LSTM 有四个门。',
    tryNext:
      '给 C 加上裁剪（c.clip=globalNorm:1）：第 1 步之后它的梯度还能传回去吗？或者试试 c.fbias=5，' +
      '或者让所有运行都用更长的序列（T=200）。',
  },
  'rnn-gain-explodes-clip': {
    title: '穿越时间：循环增益为 2 时梯度爆炸，按范数裁剪将其救回',
    summary:
      '循环权重为 2·Q（Q 为正交矩阵，每个奇异值都是 2）的 tanh RNN 在每往回一步时都会放大梯度，训练发散；' +
      '而同一个运行在裁剪全局梯度范数后（Pascanu、Mikolov 与 Bengio 2013）能继续训练。',
    observations: [
      '第 1 步时，信号沿时间往回越来越大：在 T = 30 步中，‖dL/dh_1‖ 是 ‖dL/dh_T‖ 的 10 倍以上。',
      '未裁剪的运行 A：损失和梯度急剧增大，100 步之内出现非有限值，训练自动停止。',
      '按全局范数 1 裁剪的运行 B（b.clip=globalNorm:1）：5 步之内它裁剪前的全局范数就超过 1，' +
        '而裁剪后从不超过 1。',
      'B 训练 60 步都没有出现非有限值，而且损失在下降。',
      '裁剪缩短的是每一步的步长，而不是沿时间的增长：第 60 步时，B 的 ‖dL/dh_1‖ 仍是它的 ‖dL/dh_T‖ 的 5 倍以上。',
    ],
    why:
      '在 W_h = g·Q 的线性 RNN 中，梯度每往回一步恰好放大 g 倍，这里是 2^29 ≈ 5·10⁸；' +
      'tanh 的斜率至多为 1，能削弱这种增长，但不够（只有当 W_h 的最大奇异值超过 1 时才可能爆炸，' +
      '这是 Pascanu 对 tanh 给出的条件）。A 和 B 的初始权重和批次完全相同。当全局范数 G 超过 c 时，' +
      '裁剪把每个梯度乘以 c / G：方向保持不变，只是步长受到限制。',
    tryNext:
      '把循环增益设为 1.5（rinit=orthogonal:1.5），或者也给 A 设一个更大的裁剪阈值（clip=globalNorm:10）：它还会发散吗？',
  },
};
