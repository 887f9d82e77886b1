// The frame crafter: compose any frame (or a timed sequence), see its exact bytes and the
// codec's verdict live, send it into a live connection and follow the peer's answer.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CraftFrame } from '../../../../shared/craft/craft-spec';
import { useStore } from '../../store';
import { FrameStrip } from './FrameStrip';
import { HeaderControls } from './HeaderControls';
import { LastResult } from './LastResult';
import { LibraryPanel } from './LibraryPanel';
import { PayloadPanel } from './PayloadPanel';
import { PreviewPanel } from './PreviewPanel';
import { TargetBar } from './TargetBar';
import { useCrafterPreview } from './use-crafter-preview';
import './crafter.css';

export function CrafterView() {
  const { t } = useTranslation('crafter');
  const doc = useStore((s) => s.crafterDoc);
  const index = useStore((s) => s.crafterSelected);
  const targetId = useStore((s) => s.crafterTargetId);
  const target = useStore((s) => (targetId === null ? null : (s.connections.get(targetId) ?? null)));
  const update = useStore((s) => s.updateCrafterFrame);
  const preview = useCrafterPreview(doc, target);
  const frame = doc.frames[index] ?? doc.frames[0]!;
  const onChange = useCallback((patch: Partial<CraftFrame>) => update(index, patch), [update, index]);

  return (
    <section className="crafter" aria-label={t('title')} data-testid="crafter">
      <LibraryPanel />
      <div className="crafter-work">
        <TargetBar preview={preview} />
        <LastResult />
        <FrameStrip preview={preview} />
        <div className="crafter-compose">
          <HeaderControls frame={frame} index={index} rsv1Allowed={preview.rsv1Allowed} onChange={onChange} />
          <PayloadPanel frame={frame} preview={preview.frames[index]} onChange={onChange} />
        </div>
        <PreviewPanel preview={preview} />
      </div>
    </section>
  );
}
