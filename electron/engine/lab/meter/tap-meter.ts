import type { LabHandshake } from '../../../../shared/api';
import { handshakeFrom, type TransportMeter } from './transport-meter';
import { WireTap, type TapProtocol } from './wire-tap';
import type { FrameMark, WireLedger } from './wire-ledger';

/** The socket tap as a transport meter: its ledger is live, nothing to pull. */
export class TapMeter implements TransportMeter {
  readonly kind = 'socket-tap' as const;

  private constructor(private readonly tap: WireTap) {}

  static async start(name: string, targetPort: number, protocol: TapProtocol): Promise<TapMeter> {
    return new TapMeter(await WireTap.start(name, { host: '127.0.0.1', port: targetPort }, protocol));
  }

  get url(): string {
    return this.tap.url;
  }
  get port(): number {
    return this.tap.port;
  }
  get ledger(): WireLedger {
    return this.tap.ledger;
  }
  async refresh(): Promise<void> {}
  drainFrameMarks(): FrameMark[] {
    return this.tap.frameMarks.splice(0);
  }
  async handshake(tag: string): Promise<LabHandshake | null> {
    return handshakeFrom(this.tap.ledger, tag);
  }
  close(): Promise<void> {
    return this.tap.close();
  }
}
