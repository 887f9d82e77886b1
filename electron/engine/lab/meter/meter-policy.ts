// Which meter stands in front of each transport: the capture proxy for HTTP/1.1 and WebSocket (so
// the lab's bytes are the capture's, parsed by the capture's own HTTP and frame parsers), the
// socket tap for HTTP/2 (the proxy speaks HTTP/1.1 only).
import { tmpdir } from 'node:os';
import { FramescopeError } from '../../../../shared/api';
import { CaptureService } from '../../capture/capture-service';
import { EventBus } from '../../event-bus';
import type { MeterFactory } from '../lab-run';
import { CaptureMeter, type LabCapture } from './capture-meter';
import { TapMeter } from './tap-meter';

/** HTTP/1.1 and WebSocket through the capture proxy; a proxy that cannot start fails the run with a clear error. */
export function captureMeters(capture: LabCapture): MeterFactory {
  return async (t, port) => {
    if (t === 'http2-polling') return TapMeter.start(t, port);
    try {
      return await CaptureMeter.start(capture, port);
    } catch (err) {
      const code = err instanceof FramescopeError ? err.code : 'unavailable';
      throw new FramescopeError(code, `the capture proxy could not start in front of ${t}: ${(err as Error).message}`);
    }
  };
}

/**
 * A capture of the lab's own, for headless runs that must not fill the user's capture (the
 * sweeps): the same capture proxy and store, thrown away with the run.
 */
export function privateCaptureMeters(): { meterFor: MeterFactory; close(): Promise<void> } {
  const capture = new CaptureService({ bus: new EventBus(), dataDir: tmpdir() });
  return { meterFor: captureMeters(capture), close: () => capture.close() };
}
