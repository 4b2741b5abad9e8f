import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * The distributions panel, loaded the first time it opens: most visits never open it, so its
 * code stays out of the page's first load.
 */
const DistributionsPanel = lazy(() => import('./DistributionsPanel'));

export function LazyDistributionsPanel(props: ComponentProps<typeof DistributionsPanel>) {
  return (
    <Suspense fallback={null}>
      <DistributionsPanel {...props} />
    </Suspense>
  );
}
