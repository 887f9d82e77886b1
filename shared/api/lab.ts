// The comparison lab's contract. Refined by the lab work (issue 7); kept in its own file so it can
// grow without touching the rest of the contract.

export type LabTransport = 'short-polling' | 'long-polling' | 'sse' | 'websocket' | 'http2-polling';

export interface LabOptions {
  /** Messages per second published by the lab server. */
  rate: number;
  /** Payload bytes per message. */
  size: number;
  format: 'text' | 'json';
  pattern: 'steady' | 'bursty';
  /** Short-polling interval in milliseconds. */
  intervalMs: number;
  /** Extra cookie bytes the browser clients carry, to show what cookies cost. */
  cookieBytes: number;
}

export interface LabEndpoints {
  /** Base URL per transport, through the capture proxy. */
  urls: Record<LabTransport, string>;
}

export interface LabStatus {
  running: boolean;
  options: LabOptions | null;
  endpoints: LabEndpoints | null;
  startedAt: number | null;
}

export interface LabApi {
  labStart(options: LabOptions): Promise<LabStatus>;
  labStop(): Promise<LabStatus>;
  labStatus(): Promise<LabStatus>;
}

export const LAB_METHODS = ['labStart', 'labStop', 'labStatus'] as const satisfies readonly (keyof LabApi)[];

export interface LabEvent {
  type: 'lab';
  status: LabStatus;
}
