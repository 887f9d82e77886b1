// Counts WebSocket frames in one direction without decoding payloads: a header is 2 bytes, plus 2
// or 8 for the extended length (126 / 127), plus 4 for the masking key (RFC 6455 §5.2). Payloads
// are skipped, so metering a 1 GiB message costs nothing.
import type { FrameTotals } from './wire-ledger';

export interface MeteredFrame {
  headerBytes: number;
  payloadBytes: number;
  opcode: number;
}

export class WsFrameMeter {
  private readonly header = new Uint8Array(14);
  private have = 0;
  private need = 2;
  private payloadLeft = 0;
  private inPayload = false;
  private control = false;
  private close = false;

  constructor(
    private readonly totals: FrameTotals,
    private readonly onFrame: (frame: MeteredFrame) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.inPayload) {
        const take = Math.min(this.payloadLeft, chunk.length - i);
        if (this.control) this.totals.controlBytes += take;
        if (this.close) this.totals.closeBytes += take;
        else this.totals.dataPayloadBytes += take;
        this.payloadLeft -= take;
        i += take;
        if (this.payloadLeft === 0) this.inPayload = false;
        continue;
      }
      this.header[this.have++] = chunk[i++]!;
      if (this.have === 2) {
        const len7 = this.header[1]! & 0x7f;
        this.need = 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (this.header[1]! & 0x80 ? 4 : 0);
      }
      if (this.have >= 2 && this.have === this.need) this.headerDone();
    }
  }

  private headerDone(): void {
    const len7 = this.header[1]! & 0x7f;
    let length = len7;
    if (len7 === 126) length = (this.header[2]! << 8) | this.header[3]!;
    else if (len7 === 127) {
      // 64-bit network-order length (§5.2); Number holds it exactly up to 2^53.
      length = 0;
      for (let k = 2; k < 10; k++) length = length * 256 + this.header[k]!;
    }
    const opcode = this.header[0]! & 0x0f;
    // RFC 6455 §5.5: opcodes 0x8 and up are control frames.
    this.control = opcode >= 8;
    this.close = opcode === 8;
    if (this.close) this.totals.closeBytes += this.need;
    if (this.control) {
      this.totals.controlFrames++;
      this.totals.controlBytes += this.need;
    } else {
      this.totals.dataFrames++;
      this.totals.dataHeaderBytes += this.need;
    }
    this.onFrame({ headerBytes: this.need, payloadBytes: length, opcode });
    this.payloadLeft = length;
    this.inPayload = length > 0;
    this.have = 0;
    this.need = 2;
  }
}
