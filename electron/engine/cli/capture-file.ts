// The JSON Lines capture of `framescope capture --out`: one object per line, for connections,
// frames and HTTP exchanges. Bytes are lowercase hex (payloads unmasked, with the masking key
// beside them, so the wire bytes can be rebuilt exactly). Created 0600: captures hold secrets.
import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { ConnectionDetail, FrameDetail, HttpExchange, HttpHeadView } from '../../../shared/model';
import { toHex } from '../../../shared/protocol/index';

const hex = (bytes: Uint8Array | null): string | null => (bytes === null ? null : toHex(bytes, ''));

export class CaptureFile {
  private lines: string[] = [];

  private constructor(private fd: number | null) {}

  static create(path: string): CaptureFile {
    const fd = openSync(path, 'w', 0o600);
    fchmodSync(fd, 0o600); // the file may have existed with a wider mode
    return new CaptureFile(fd);
  }

  frame(f: FrameDetail): void {
    const s = f.summary;
    this.write({
      type: 'frame',
      id: s.id,
      connection: s.connectionId,
      from: s.from,
      index: s.index,
      time: s.time,
      offset: s.offset,
      fin: s.fin,
      rsv1: s.rsv1,
      rsv2: s.rsv2,
      rsv3: s.rsv3,
      opcode: s.opcode,
      masked: s.masked,
      maskKey: hex(f.maskKey),
      payloadLength: s.payloadLength,
      headerLength: s.headerLength,
      header: hex(f.headerBytes),
      payload: hex(f.payload),
      payloadTruncated: f.payloadTruncated,
      messageId: s.messageId,
      injected: s.injected,
      incomplete: s.incomplete,
      ...(f.message?.compressed ? { inflated: hex(f.message.payload), inflateError: f.message.inflateError } : {}),
      ...(f.close ? { closeCode: f.close.code, closeReason: f.close.reason } : {}),
      violations: f.violations,
    });
  }

  connection(c: ConnectionDetail): void {
    const h = c.handshake;
    this.write({
      type: 'connection',
      ...c.summary,
      handshake: {
        request: head(h.request),
        response: head(h.response),
        accept: h.accept,
        offeredSubprotocols: h.offeredSubprotocols,
        subprotocol: h.subprotocol,
        offeredExtensions: h.offeredExtensions,
        extensions: h.extensions,
        violations: h.violations,
      },
    });
  }

  http(e: HttpExchange): void {
    this.write({ type: 'http', ...e, requestHead: hex(e.requestHead), responseHead: hex(e.responseHead) });
  }

  flush(): void {
    if (this.fd === null || this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    writeSync(this.fd, text);
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
  }

  private write(value: object): void {
    this.lines.push(`${JSON.stringify(value)}\n`);
  }
}

function head(view: HttpHeadView | null): { startLine: string; raw: string } | null {
  return view === null ? null : { startLine: view.startLine, raw: toHex(view.raw, '') };
}
