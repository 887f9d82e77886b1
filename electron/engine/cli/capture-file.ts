// The JSON Lines file of `framescope capture --out` (records: ../capture/capture-records.ts, shared
// with the app's Save capture). Created 0600: captures hold secrets.
import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { ConnectionDetail, FrameDetail, HttpExchange } from '../../../shared/model';
import { connectionRecord, frameRecord, httpRecord, recordLine } from '../capture/capture-records';

export class CaptureFile {
  private lines: string[] = [];

  private constructor(private fd: number | null) {}

  static create(path: string): CaptureFile {
    const fd = openSync(path, 'w', 0o600);
    fchmodSync(fd, 0o600); // the file may have existed with a wider mode
    return new CaptureFile(fd);
  }

  frame(f: FrameDetail): void {
    this.lines.push(recordLine(frameRecord(f)));
  }

  connection(c: ConnectionDetail): void {
    this.lines.push(recordLine(connectionRecord(c)));
  }

  http(e: HttpExchange): void {
    this.lines.push(recordLine(httpRecord(e)));
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
}
