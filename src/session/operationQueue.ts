/**
 * One line of work on the trainers: operations (reset, a live setting, a backend switch) and the
 * taking in of training rounds run one after another, in the order queued, so the rounds asked
 * for always land before a trainer is changed or replaced. While an operation waits, the
 * training loop asks for no more rounds (`operationsWaiting`).
 */
export class OperationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Operations queued and not yet done. */
  get operationsWaiting(): number {
    return this.waiting;
  }

  /** Queues an operation; it counts as waiting until done. */
  operation<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    return this.enqueue(async () => {
      try {
        return await work();
      } finally {
        this.waiting--;
      }
    });
  }

  /** Queues work that is not an operation (a round landing, or a wait for the line to clear). */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
