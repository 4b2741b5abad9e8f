import { lazy, Suspense, useEffect, type ComponentProps } from 'react';
import { showDistributions } from '../../store/pageSession';

/**
 * The distributions panel, loaded the first time it opens: most visits never open it, so its
 * code stays out of the page's first load.
 */
const DistributionsPanel = lazy(() => import('./DistributionsPanel'));

/** Distribution panels on screen; the runs measure their distributions while any is. */
let panelsShown = 0;

/**
 * Opens a distributions panel: the runs start measuring at once (in the same readback as the
 * norms), not when the panel's code has arrived, so the steps trained meanwhile are measured;
 * with no panel shown they measure none.
 */
export function LazyDistributionsPanel(props: ComponentProps<typeof DistributionsPanel>) {
  useEffect(() => {
    if (panelsShown++ === 0) showDistributions(true);
    return () => {
      if (--panelsShown === 0) showDistributions(false);
    };
  }, []);
  return (
    <Suspense fallback={null}>
      <DistributionsPanel {...props} />
    </Suspense>
  );
}
