/**
 * Hands each newly published value to its subscribers one at a time, in subscription order: the
 * page's charts take turns instead of redrawing together. A turn starts in an animation frame and
 * ends when the subscriber reports that it has drawn the value (`drawn`); the next turn starts in
 * the frame after that.
 *
 * Why: a recharts 3 chart draws through its own redux store. A new `data` prop reaches that store
 * in the chart's effects and is drawn by a synchronous re-render that React cannot slice, and
 * charts that receive a snapshot together are committed together (React renders all pending
 * transitions as one batch). With every chart refreshed at once, a refresh was one 40-120 ms
 * frame while training. Taking turns, a frame carries at most one chart's work, and waiting for
 * `drawn` keeps two charts' transitions from being batched into one commit when a turn takes
 * longer than a frame (a busy CPU). A pass over the page's five charts takes ~5-10 frames, and
 * when it takes longer than CHART_REFRESH_MS the charts simply refresh less often.
 *
 * A subscriber always gets the newest value when its turn comes, so one that waited through
 * several publications skips straight to the latest; charts show the same steps again at the end
 * of each pass. Plain TS, no React: the frame source is injected.
 */

/** Calls `callback` once, before the next frame is drawn (requestAnimationFrame in the page). */
export type RequestFrame = (callback: () => void) => void;

export type Show<T> = (value: T) => void;

export interface RefreshQueue<T> {
  /**
   * Adds a subscriber that currently shows `shown`; it is queued at once if that is not the
   * newest value. Returns the function that removes it (ending its turn if it has one).
   */
  subscribe(show: Show<T>, shown: T): () => void;
  /** Queues every subscriber for `value`; one waiting already keeps its place in the queue. */
  publish(value: T): void;
  /** Ends `show`'s turn, if it has one: it has drawn the value it was given. */
  drawn(show: Show<T>): void;
  /** The newest published value (or the initial one). */
  latest(): T;
}

export function createRefreshQueue<T>(initial: T, requestFrame: RequestFrame): RefreshQueue<T> {
  let newest = initial;
  const subscribers = new Set<Show<T>>();
  /** Subscribers behind `newest`, in turn order (a Set keeps insertion order). */
  const waiting = new Set<Show<T>>();
  /** The subscriber whose turn it is, until it has drawn. */
  let turn: Show<T> | null = null;
  let frameRequested = false;

  const startTurn = () => {
    frameRequested = false;
    const [next] = waiting;
    if (turn !== null || next === undefined) return;
    waiting.delete(next);
    turn = next;
    try {
      next(newest);
    } catch (error) {
      // A subscriber that failed to take the value will not report it drawn.
      endTurn(next);
      throw error;
    }
  };
  const requestTurn = () => {
    if (frameRequested || turn !== null || waiting.size === 0) return;
    frameRequested = true;
    requestFrame(startTurn);
  };
  const endTurn = (show: Show<T>) => {
    if (turn !== show) return;
    turn = null;
    requestTurn();
  };

  return {
    subscribe(show, shown) {
      subscribers.add(show);
      if (shown !== newest) {
        waiting.add(show);
        requestTurn();
      }
      return () => {
        subscribers.delete(show);
        waiting.delete(show);
        endTurn(show);
      };
    },
    publish(value) {
      newest = value;
      for (const show of subscribers) waiting.add(show);
      requestTurn();
    },
    drawn: endTurn,
    latest: () => newest,
  };
}
