/**
 * Where a long axis title breaks onto a second line: at the space or opening bracket nearest its
 * middle, the bracket starting the second line ("gradient norm " / "(log)"). Each line but the
 * last keeps its trailing space, so the lines joined read as the whole title.
 */
export function splitTitle(title: string): string[] {
  const middle = title.length / 2;
  let best = -1;
  for (let i = 1; i < title.length; i++) {
    const breaksHere = title[i - 1] === ' ' || title[i] === '(' || title[i] === '（';
    if (breaksHere && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? [title] : [title.slice(0, best), title.slice(best)];
}
