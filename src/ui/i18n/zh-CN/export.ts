import type { exportMessages as en } from '../en/export';

/** Simplified Chinese of en/export.ts (same keys): exporting run records and chart pictures. */
export const exportMessages: Record<keyof typeof en, string> = {
  'export.menu': '导出…',
  'export.menuLabel': '导出屏幕上的各次运行',
  'export.json': '运行记录（JSON）',
  'export.csv': '运行记录（CSV）',
  'export.png': '图表（PNG）',
  'export.pngButton': 'PNG',
  'export.chartPng': '将“{title}”保存为 PNG 图片',
  'export.failed': '导出失败：{reason}',
};
