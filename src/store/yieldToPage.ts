/**
 * Gives the browser a chance to render and handle input before the caller continues: the
 * training loop awaits this between steps. scheduler.yield() (Chromium 129+) resumes ahead of
 * other queued tasks; elsewhere a MessageChannel message does the same without setTimeout's
 * 4 ms clamp for nested timers, which would cost the CPU backends throughput.
 */
interface TaskScheduler {
  yield?: () => Promise<void>;
}

const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (
    typeof scheduler?.yield === 'function' &&
    (globalThis as { __exp?: { sy?: boolean } }).__exp?.sy
  )
    return scheduler.yield();
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
