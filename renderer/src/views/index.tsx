import { useStore } from '../store';
import { CrafterView } from './crafter/CrafterView';
import { GlossaryView } from './glossary/GlossaryView';
import { InspectorView } from './inspector/InspectorView';
import { LabView } from './lab/LabView';
import { LessonsView } from './lessons/LessonsView';
import { TimelineView } from './timeline/TimelineView';

export function ActiveView() {
  const view = useStore((s) => s.view);
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
