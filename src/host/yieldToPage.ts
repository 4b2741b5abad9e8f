/**
 * Gives the browser a chance to render and handle input before the caller continues: the
 * main-thread trainer awaits this between steps. A MessageChannel message resumes without
 * setTimeout's 4 ms clamp for nested timers, which would cost the CPU backends throughput.
 */
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToPage(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
