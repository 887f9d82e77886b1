// The Anatomy tab: the bit diagram and the hex dump of the selected frame, linked both ways.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameDetail } from '../../../../../shared/model';
import { anatomyOf, wireBytes } from '../../../components/anatomy/anatomy-frame';
import { FrameAnatomy } from '../../../components/anatomy/FrameAnatomy';
import { useFieldHighlight } from '../../../components/anatomy/use-field-highlight';
import { HexDump } from '../../../components/hex/HexDump';
import { ViolationList } from '../../../components/violations/ViolationList';

export function AnatomyTab({ detail }: { detail: FrameDetail }) {
  const { t } = useTranslation('inspector');
  const frame = useMemo(() => anatomyOf(detail), [detail]);
  const bytes = useMemo(() => wireBytes(detail), [detail]);
  const { highlight, onHighlight, onPick, reset } = useFieldHighlight();
  useEffect(() => reset(), [detail.summary.id, reset]);
  const missing = detail.summary.payloadLength - detail.wirePayload.length;

  return (
    <div className="anatomy-tab">
      <ViolationList violations={detail.violations} onPickField={onPick} />
      <FrameAnatomy frame={frame} highlight={highlight} onHighlight={onHighlight} onPick={onPick} violations={detail.violations}>
        <div className="anatomy-bytes">
          <div className="pane-subtitle">
            {t('anatomy.wire')} <span className="muted">— {t('anatomy.wireHint', { count: bytes.length })}</span>
          </div>
          <HexDump bytes={bytes} ranges={detail.fields} highlight={highlight} onHighlight={onHighlight} onPick={onPick} maskKey={detail.maskKey} maxRows={12} label={t('anatomy.frameBytes')} />
          {missing > 0 && (
            <p className="muted note">
              {detail.summary.incomplete ? t('anatomy.endedEarly', { count: missing }) : t('anatomy.partKept', { count: missing })}
            </p>
          )}
        </div>
      </FrameAnatomy>
    </div>
  );
}
