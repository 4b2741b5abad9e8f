import type { offlineMessages as en } from '../en/offline';

/** Simplified Chinese of en/offline.ts (same keys): the installed app and its updates. */
export const offlineMessages: Record<keyof typeof en, string> = {
  'notice.updateReady': 'Gradscope 的新版本已就绪。',
  'notice.updateReload': '重新加载以更新',
};
