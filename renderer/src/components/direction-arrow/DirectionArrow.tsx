// Who sent a frame: client → server or server → client, in the --dir-* colours every view uses.
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../shared/model';
import './direction-arrow.css';

export function DirectionArrow({ from, long = false }: { from: Peer; long?: boolean }) {
  const { t } = useTranslation('components');
  const longText = t(`direction.long.${from}`);
  return (
    <span className={`direction-arrow ${from}`} title={t(`direction.sentBy.${from}`)} aria-label={longText}>
      {long ? longText : t(`direction.short.${from}`)}
    </span>
  );
}
