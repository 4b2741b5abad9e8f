// Markdown tables as Prettier prints them, so a README regenerated from the bench figures keeps
// `prettier --check` clean.

/** A markdown table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

/** Display width as Prettier counts it for the characters used here (one column per code point). */
const width = (text) => [...text].length;

/**
 * A table as Prettier prints it: every column padded to its widest cell (at least 3), right-aligned
 * columns padded on the left with a `---:` rule.
 */
export function table(columns, rows) {
  const cells = rows.map((row) => row.map(cell));
  const heads = columns.map((c) => cell(c.title));
  const widths = heads.map((head, i) => Math.max(3, width(head), ...cells.map((r) => width(r[i]))));
  const pad = (text, i) => {
    const fill = ' '.repeat(widths[i] - width(text));
    return columns[i].align === 'right' ? fill + text : text + fill;
  };
  const line = (row) => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) =>
    columns[i].align === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w),
  );
  return [line(heads), `| ${rule.join(' | ')} |`, ...cells.map(line)].join('\n');
}
