/**
 * Runs requests one at a time, in the order they came, and can drop those still waiting.
 *
 * The training worker answers the page through it (trainingWorker.ts). A chunk of training awaits
 * its readback, and without the queue the next request would start during that wait: two chunks
 * of one trainer would interleave their steps. With it the page can ask for the next chunk before
 * the current one is back, and the worker goes straight on to it. Pause then drops the chunk that
 * is waiting, so training stops at the end of the one under way.
 *
 * Plain TS, no worker APIs, so the training loop's tests can put a trainer behind the same queue.
 */
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Counts dropWaiting() calls: a droppable request queued before the latest one is dropped. */
  private drops = 0;

  /**
   * Runs `task` after every request queued before it. A request with `dropped` is droppable:
   * if dropWaiting() is called after it was queued and before its turn, `dropped()` is its answer
   * and `task` never runs.
   */
  run<T>(task: () => Promise<T> | T, dropped?: () => Promise<T> | T): Promise<T> {
    const dropsWhenQueued = this.drops;
    const turn = () => (dropped && this.drops !== dropsWhenQueued ? dropped() : task());
    const result = this.tail.then(turn, turn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Drops every droppable request queued before this call that has not started. */
  dropWaiting(): void {
    this.drops++;
  }
}
