// A meter stands in front of one transport's server and counts its bytes: the capture proxy
// (HTTP/1.1 and WebSocket) or the lab's HTTP/2 socket tap. Both fill the same WireLedger.
import type { LabHandshake, LabMeter } from '../../../../shared/api';
import type { FrameMark, WireLedger } from './wire-ledger';

export interface TransportMeter {
  readonly kind: LabMeter;
  /** http://127.0.0.1:PORT that clients use. */
  readonly url: string;
  readonly ledger: WireLedger;
  /** Brings the ledger up to date (the capture meter pulls from the capture store). */
  refresh(): Promise<void>;
  /** WebSocket frames seen since the last call, for the lanes. */
  drainFrameMarks(): FrameMark[];
  /** The upgrade handshake of the connection whose request target contains `tag`. */
  handshake(tag: string): Promise<LabHandshake | null>;
  close(): Promise<void>;
}
