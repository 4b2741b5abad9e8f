export function table(
  columns: { title: string; align?: 'right' }[],
  rows: (string | number)[][],
): string;
