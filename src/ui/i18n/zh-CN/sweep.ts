import type { sweepMessages as en } from '../en/sweep';

/** Simplified Chinese of en/sweep.ts (same keys): the view tabs. */
export const sweepMessages: Record<keyof typeof en, string> = {
  'sweep.tabsLabel': '图表栏显示的内容',
  'sweep.tabLive': '实时图表',
  'sweep.tabMap': '区域图',
  'sweep.tabSeeds': '种子带',
};
