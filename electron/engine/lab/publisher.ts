// The lab's one event stream. Messages are numbered from 1 and stamped when generated; transports
// encode them on demand from (seq, generatedAt), so history costs 16 bytes a message, not `size`.
import type { LabOptions } from '../../../shared/api';
import { encodeLabMessage } from '../../../shared/api';
import { nowUs } from './clock';

export interface PublishedMessage {
  seq: number;
  generatedAt: number;
}

/** Bursts hold up to this many messages back to back; the average rate stays the chosen one. */
export const BURST_SIZE = 5;

export class Publisher {
  readonly history: PublishedMessage[] = [];
  private readonly listeners = new Set<(message: PublishedMessage) => void>();
  private timer: NodeJS.Timeout | null = null;
  private startMs = 0;
  private ticks = 0;

  constructor(
    private readonly options: Pick<LabOptions, 'rate' | 'size' | 'format' | 'pattern' | 'phase'>,
    /** Uniform in [0, 1); injectable so a test can place messages where it wants them. */
    private readonly random: () => number = Math.random,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  /** The text of a message as every transport sends it. */
  encode(message: PublishedMessage): string {
    return encodeLabMessage(message.seq, message.generatedAt, this.options.size, this.options.format);
  }

  /** Messages after `seq` (history is dense: seq n sits at index n-1). */
  after(seq: number, limit = Number.POSITIVE_INFINITY): PublishedMessage[] {
    return this.history.slice(seq, Math.min(this.history.length, seq + limit));
  }

  onMessage(listener: (message: PublishedMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.timer) return;
    this.startMs = performance.now();
    this.ticks = 0;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  publish(): PublishedMessage {
    const message = { seq: this.history.length + 1, generatedAt: nowUs() };
    this.history.push(message);
    for (const listener of this.listeners) listener(message);
    return message;
  }

  private burst(): number {
    return this.options.pattern === 'bursty' ? Math.max(1, Math.min(BURST_SIZE, Math.round(this.options.rate))) : 1;
  }

  /**
   * Due times come from the start time, not the previous timer, so timer lateness never drifts the
   * rate. Fixed phase: tick k at k slots after the start (the start is right after the first poll,
   * so every message keeps the same offset against the polls). Random phase: tick k at a uniformly
   * random moment of slot k, so over a run the offsets against the polls are spread evenly and the
   * mean wait for a poll is T/2 (arrivals independent of the polls).
   */
  private schedule(): void {
    const perTick = this.burst();
    const slotMs = (perTick * 1000) / this.options.rate;
    const offset = this.options.phase === 'random' ? this.random() : 0;
    const due = this.startMs + (this.ticks + offset) * slotMs;
    this.timer = setTimeout(
      () => {
        for (let i = 0; i < perTick; i++) this.publish();
        this.ticks++;
        if (this.timer) this.schedule();
      },
      Math.max(0, due - performance.now()),
    );
  }
}
