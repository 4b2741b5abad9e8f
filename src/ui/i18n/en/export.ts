/** Exporting run records and chart pictures from the page. */
export const exportMessages = {
  'export.menu': 'Export…',
  'export.menuLabel': 'Export the runs on screen',
  'export.json': 'Run record (JSON)',
  'export.csv': 'Run record (CSV)',
  'export.png': 'Charts (PNG)',
  'export.pngButton': 'PNG',
  'export.chartPng': 'Save “{title}” as a PNG picture',
  'export.failed': 'Export failed: {reason}',
} as const;
