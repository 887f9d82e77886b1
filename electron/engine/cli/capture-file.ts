// The capture file of `framescope capture --out` (records: ../capture/capture-records.ts, shared
// with the app's Save capture). Created 0600: captures hold secrets. Frames are written straight
// from the store (base64 by Node's Buffer, payloads in pieces) and lines go out in 1 MiB batches,
// so writing the file costs the relay little.
import type { ConnectionDetail, HttpExchange } from '../../../shared/model';
import { connectionLine, frameLines, headerLine, httpLine } from '../capture/capture-records';
import type { CaptureStore } from '../capture/capture-store';
import { SyncLineFile } from '../capture/line-sink';
import { CAPTURE_FRAME_BUDGET } from '../capture/ws-recorder';

export class CaptureFile {
  private constructor(private readonly file: SyncLineFile) {}

  static create(path: string): CaptureFile {
    const file = SyncLineFile.create(path);
    file.write(headerLine(CAPTURE_FRAME_BUDGET));
    return new CaptureFile(file);
  }

  frame(store: CaptureStore, id: number): void {
    for (const line of frameLines(store, id)) this.file.write(line);
  }

  connection(c: ConnectionDetail): void {
    this.file.write(connectionLine(c));
  }

  http(e: HttpExchange): void {
    this.file.write(httpLine(e));
  }

  flush(): void {
    this.file.flush();
  }

  close(): void {
    this.file.close();
  }
}
