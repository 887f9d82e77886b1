import { lazy, Suspense } from 'react';
import { useStore } from '../store';
import { InspectorView } from './inspector/InspectorView';

// The Inspector is the view the app opens on; the others load when first shown, so the first
// window of a capture waits for less script (DESIGN.md budget: first table window < 1.5 s).
const TimelineView = lazy(() => import('./timeline/TimelineView').then((m) => ({ default: m.TimelineView })));
const LabView = lazy(() => import('./lab/LabView').then((m) => ({ default: m.LabView })));
const CrafterView = lazy(() => import('./crafter/CrafterView').then((m) => ({ default: m.CrafterView })));
const LessonsView = lazy(() => import('./lessons/LessonsView').then((m) => ({ default: m.LessonsView })));
const GlossaryView = lazy(() => import('./glossary/GlossaryView').then((m) => ({ default: m.GlossaryView })));

export function ActiveView() {
  const view = useStore((s) => s.view);
  return (
    // data-view-loading: the e2e helpers wait for it to go before they measure a view.
    <Suspense fallback={<div className="view-loading" data-view-loading aria-busy="true" />}>
      <View view={view} />
    </Suspense>
  );
}

function View({ view }: { view: ReturnType<typeof useStore.getState>['view'] }) {
  switch (view) {
    case 'inspector':
      return <InspectorView />;
    case 'timeline':
      return <TimelineView />;
    case 'lab':
      return <LabView />;
    case 'crafter':
      return <CrafterView />;
    case 'lessons':
      return <LessonsView />;
    case 'glossary':
      return <GlossaryView />;
  }
}
