/** The installed app (offline use) and its updates. */
export const offlineMessages = {
  'notice.updateReady': 'A new version of Gradscope is ready.',
  'notice.updateReload': 'Reload to update',
} as const;
