// Frame ids are the store's recording order, which readers take as stream order across every
// connection and direction. A compressed message inflates asynchronously (off the event loop), so
// its last frame is recorded only once inflated; every frame decoded after it, anywhere in the
// same store, waits behind it. Frames that need no inflation go straight through when nothing waits.

interface Entry {
  ready: boolean;
  record: () => void;
  after: Array<() => void>;
}

export interface QueuedRecord {
  /** The frame can be recorded now (for a waiting one: its inflation settled). */
  resolve(): void;
}

const RECORDED: QueuedRecord = { resolve: () => undefined };

export class RecordQueue {
  private readonly entries: Entry[] = [];

  /** Nothing waits: a frame that needs no inflation may be recorded at once, without queueing. */
  get idle(): boolean {
    return this.entries.length === 0;
  }

  /** Records now if nothing waits and `ready`; otherwise queues behind what waits. */
  add(ready: boolean, record: () => void): QueuedRecord {
    if (ready && this.entries.length === 0) {
      record();
      return RECORDED;
    }
    const entry: Entry = { ready, record, after: [] };
    this.entries.push(entry);
    this.drain();
    return {
      resolve: () => {
        entry.ready = true;
        this.drain();
      },
    };
  }

  /** Frames waiting to be recorded (behind an inflation). */
  get pending(): number {
    return this.entries.length;
  }

  /** Resolves once everything queued so far is recorded. */
  settled(): Promise<void> {
    const last = this.entries.at(-1);
    if (last === undefined) return Promise.resolve();
    return new Promise((resolve) => last.after.push(resolve));
  }

  private drain(): void {
    while (this.entries.length > 0 && (this.entries[0] as Entry).ready) {
      const entry = this.entries.shift() as Entry;
      entry.record();
      for (const f of entry.after) f();
    }
  }
}

const queues = new WeakMap<object, RecordQueue>();

/** The one queue of a capture store. */
export function recordQueueOf(store: object): RecordQueue {
  let q = queues.get(store);
  if (q === undefined) {
    q = new RecordQueue();
    queues.set(store, q);
  }
  return q;
}
