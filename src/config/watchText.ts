/**
 * A lesson's Watch text: its observations in order, then its explanation, joined by `gap`
 * (a space between English sentences; none in Chinese, whose full stop closes the sentence).
 */
export function joinWatchText(
  observations: readonly string[],
  why: string | undefined,
  gap = ' ',
): string {
  return [...observations, why ?? ''].join(gap).trim();
}
