// Who sent a frame: client → server or server → client, in the --dir-* colours every view uses.
import type { Peer } from '../../../../shared/model';
import './direction-arrow.css';

const LONG: Record<Peer, string> = { client: 'client → server', server: 'server → client' };
const SHORT: Record<Peer, string> = { client: 'C → S', server: 'S → C' };

export function DirectionArrow({ from, long = false }: { from: Peer; long?: boolean }) {
  return (
    <span className={`direction-arrow ${from}`} title={`Sent by the ${from}: ${LONG[from]}`} aria-label={LONG[from]}>
      {long ? LONG[from] : SHORT[from]}
    </span>
  );
}
