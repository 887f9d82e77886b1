import type { LabHandshake } from '../../../../shared/api';
import type { TransportMeter } from './transport-meter';
import { H2Tap } from './wire-tap';
import type { FrameMark, WireLedger } from './wire-ledger';

/** The HTTP/2 socket tap as a transport meter: its ledger is live, nothing to pull. */
export class TapMeter implements TransportMeter {
  readonly kind = 'socket-tap' as const;

  private constructor(private readonly tap: H2Tap) {}

  static async start(name: string, targetPort: number): Promise<TapMeter> {
    return new TapMeter(await H2Tap.start(name, { host: '127.0.0.1', port: targetPort }));
  }

  get url(): string {
    return this.tap.url;
  }
  get ledger(): WireLedger {
    return this.tap.ledger;
  }
  async refresh(): Promise<void> {}
  /** HTTP/2 carries no WebSocket frames. */
  drainFrameMarks(): FrameMark[] {
    return [];
  }
  /** Nor WebSocket upgrades. */
  async handshake(): Promise<LabHandshake | null> {
    return null;
  }
  close(): Promise<void> {
    return this.tap.close();
  }
}
