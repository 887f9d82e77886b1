// The capture file of `framescope capture --out` (records: ../capture/capture-records.ts, shared
// with the app's Save capture). Created 0600: captures hold secrets. Each frame is written as the
// store records it (CaptureStore.tap), from the bytes still in hand, in ASCII pieces that go
// straight into 1 MiB batches: reading frames back out of the store and building each line as one
// string cost the relay three times as much. A write that fails (disk full) never reaches the
// relay: the file stops, and `error` says why.
import type { ConnectionDetail, HttpExchange } from '../../../shared/model';
import { DATA_PIECE, b64, connectionLine, dataRecordLine, frameRecordHead, frameRecordTail, headerLine, httpLine, type FrameRecordFields } from '../capture/capture-records';
import type { CaptureStore } from '../capture/capture-store';
import type { FrameInput } from '../capture/frame-table';
import { SyncLineFile } from '../capture/line-sink';
import { CAPTURE_FRAME_BUDGET } from '../capture/ws-recorder';

export class CaptureFile {
  /** The first write that failed; nothing is written after it. */
  error: Error | null = null;

  private constructor(private readonly file: SyncLineFile) {}

  static create(path: string): CaptureFile {
    const file = SyncLineFile.create(path);
    file.write(headerLine(CAPTURE_FRAME_BUDGET));
    return new CaptureFile(file);
  }

  /** Writes every frame `store` records from now on, until the returned function is called. */
  follow(store: CaptureStore): () => void {
    return store.tap((id, input) => {
      // Once per frame at relay speed: the failure check is written out, not wrapped in a closure.
      if (this.error !== null) return;
      try {
        this.frame(id, input, store.frames.firstOfMessage(id));
      } catch (err) {
        this.error = err as Error;
      }
    });
  }

  private frame(id: number, input: Readonly<FrameInput>, messageId: number): void {
    const payload = input.payload;
    const f: FrameRecordFields = {
      id,
      connection: input.connectionId,
      from: input.from,
      index: input.index,
      time: input.time,
      offset: input.offset,
      header: input.headerBytes,
      payloadLength: input.payloadLength,
      // All the decoder kept, even where the store's budget keeps less: the file is the capture.
      kept: payload.length,
      messageId,
      injected: input.injected,
      incomplete: input.incomplete,
      violations: input.violations,
    };
    const first = Math.min(payload.length, DATA_PIECE);
    this.file.writeAscii(frameRecordHead(f));
    this.file.writeAscii(b64(payload.subarray(0, first)));
    this.file.write(frameRecordTail(f));
    for (let at = first; at < payload.length; at += DATA_PIECE) this.file.writeAscii(dataRecordLine(id, at, payload.subarray(at, at + DATA_PIECE)));
  }

  connection(c: ConnectionDetail): void {
    this.write(() => this.file.write(connectionLine(c)));
  }

  http(e: HttpExchange): void {
    this.write(() => this.file.write(httpLine(e)));
  }

  flush(): void {
    this.write(() => this.file.flush());
  }

  close(): void {
    this.write(() => this.file.close());
    // After a failed write the file is incomplete whatever else is written; its descriptor still closes.
    if (this.error !== null) this.file.discard();
  }

  private write(act: () => void): void {
    if (this.error !== null) return;
    try {
      act();
    } catch (err) {
      this.error = err as Error;
    }
  }
}
