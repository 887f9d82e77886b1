// Engine events leave in batches: at most one flush per interval (~30 a second), so a capture
// running at 20,000 frames/s costs the renderer a bounded number of updates.
import type { EngineEvent, EventListener } from '../../shared/api';

export const EVENT_FLUSH_INTERVAL_MS = 33;

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private queue: EngineEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Producers that coalesce their own state (the capture store) register here to be asked at flush time. */
  private readonly collectors = new Set<() => EngineEvent | null>();

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

  /** Register a producer asked for its coalesced event at each flush; call `schedule()` when it has news. */
  addCollector(collect: () => EngineEvent | null): () => void {
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
    for (const collect of this.collectors) {
      const event = collect();
      if (event) batch.push(event);
    }
    if (batch.length === 0) return;
    for (const listener of this.listeners) listener(batch);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.collectors.clear();
  }
}
