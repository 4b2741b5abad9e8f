/**
 * The view tabs' words (live charts, regime map, seed bands): the first load shows them. The
 * panels' own words are in en/sweepPanel.ts, loaded with them.
 */
export const sweepMessages = {
  'sweep.tabsLabel': 'What the charts column shows',
  'sweep.tabLive': 'Live charts',
  'sweep.tabMap': 'Regime map',
  'sweep.tabSeeds': 'Seed bands',
} as const;
