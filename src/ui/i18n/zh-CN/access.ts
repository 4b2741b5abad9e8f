import type { accessMessages as en } from '../en/access';

/** Simplified Chinese of en/access.ts (same keys): small-screen layout and screen-reader text. */
export const accessMessages: Record<keyof typeof en, string> = {
  'layout.settings': '设置',
  'layout.closeSettings': '关闭设置',
  'access.summaryLayers': '第 {step} 步，共 {count} 层；',
  'access.summaryOneLayer': '第 {step} 步，共 1 层；',
  'access.summarySmaller':
    '输入层 {input} 的{quantity}为 {inputValue}，是输出层（{outputValue}）的 {ratio} 分之一。',
  'access.summaryLarger':
    '输入层 {input} 的{quantity}为 {inputValue}，是输出层（{outputValue}）的 {ratio} 倍。',
  'access.summaryEqual': '输入层 {input} 的{quantity}为 {inputValue}，与输出层相同。',
  'access.summaryEnds': '输入层 {input} 的{quantity}为 {inputValue}，输出层为 {outputValue}。',
  'access.logSliderValue': '{value}，对数刻度',
  'access.table': '表格',
  'access.tableLabel': '表格：{title}',
  'access.tableCaption': '第 {step} 步的数值',
  'access.tableLayer': '层',
};
