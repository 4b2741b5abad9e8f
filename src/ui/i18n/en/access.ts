/** Small-screen layout and text alternatives for screen readers. */
export const accessMessages = {
  'layout.settings': 'Settings',
  'layout.closeSettings': 'Close settings',
} as const;
