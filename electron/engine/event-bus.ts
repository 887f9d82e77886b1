// Engine events leave in batches: at most one flush per interval (~30 a second), so a capture
// running at 20,000 frames/s costs the renderer a bounded number of updates. A batch is handed to
// each listener in slices of at most MAX_EVENTS_PER_DELIVERY events (each event is itself bounded:
// see MAX_DELTAS_PER_EVENT), and a listener that throws (a host whose send failed) never stops the
// engine or the other listeners.
import type { EngineEvent, EventListener } from '../../shared/api';

export const EVENT_FLUSH_INTERVAL_MS = 33;
export const MAX_EVENTS_PER_DELIVERY = 4;

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private queue: EngineEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Producers that hold their own changes (the capture feed) are asked for them at flush time. */
  private readonly collectors = new Set<() => EngineEvent[]>();
  /** Listener failures, for the host to log (the engine carries on). */
  failures = 0;

  constructor(private readonly intervalMs = EVENT_FLUSH_INTERVAL_MS) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queue an event for the next batch. */
  emit(event: EngineEvent): void {
    this.queue.push(event);
    this.schedule();
  }

  /** Register a producer asked for its events at each flush; call `schedule()` when it has news. */
  addCollector(collect: () => EngineEvent[]): () => void {
    this.collectors.add(collect);
    return () => this.collectors.delete(collect);
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    for (const collect of this.collectors) batch.push(...collect());
    if (batch.length === 0) return;
    for (let i = 0; i < batch.length; i += MAX_EVENTS_PER_DELIVERY) {
      const slice = batch.slice(i, i + MAX_EVENTS_PER_DELIVERY);
      for (const listener of this.listeners) {
        try {
          listener(slice);
        } catch {
          this.failures++;
        }
      }
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.collectors.clear();
  }
}
