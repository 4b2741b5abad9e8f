import { useEffect } from 'react';
import { pageSession } from '../../store/pageSession';

/** Space play/pause, right arrow one step, r reset; ignored while typing in a field. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable)
        return;
      // Space on a focused button would also click it: leave buttons their own behaviour.
      if (event.key === ' ' && tag === 'BUTTON') return;
      const loop = pageSession();
      if (!loop) return;
      if (event.key === ' ') {
        event.preventDefault();
        loop.toggle();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        void loop.stepBy(1);
      } else if (event.key === 'r' || event.key === 'R') {
        void loop.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
