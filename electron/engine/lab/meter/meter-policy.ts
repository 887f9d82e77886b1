// Which meter stands in front of each transport: the capture proxy for HTTP/1.1 and WebSocket (so
// the lab's bytes are the capture's), the socket tap for HTTP/2 (the proxy speaks HTTP/1.1 only),
// and the tap for everything if the capture proxy is unavailable.
import { FramescopeError } from '../../../../shared/api';
import type { MeterFactory } from '../lab-run';
import { CaptureMeter, type LabCapture } from './capture-meter';
import { TapMeter } from './tap-meter';

export const tapMeters: MeterFactory = (t, port) => TapMeter.start(t, port, t === 'http2-polling' ? 'h2' : 'http1');

export const TAP_FALLBACK_NOTE = 'The capture proxy is not available, so the lab counts bytes with its own socket tap.';

export function captureMeters(capture: LabCapture, onFallback: (note: string) => void): MeterFactory {
  let useTap = false;
  return async (t, port) => {
    if (t === 'http2-polling' || useTap) return tapMeters(t, port);
    try {
      return await CaptureMeter.start(capture, port);
    } catch (err) {
      if (!(err instanceof FramescopeError) || err.code !== 'unsupported') throw err;
      useTap = true;
      onFallback(TAP_FALLBACK_NOTE);
      return tapMeters(t, port);
    }
  };
}

/** The capture proxy in front of a tap in front of the server: both count the same bytes (tests). */
export function captureOverTapMeters(capture: LabCapture, taps: Map<string, TapMeter>): MeterFactory {
  return async (t, port) => {
    if (t === 'http2-polling') return tapMeters(t, port);
    const tap = await TapMeter.start(t, port, 'http1');
    taps.set(t, tap);
    const meter = await CaptureMeter.start(capture, tap.port);
    const close = meter.close.bind(meter);
    meter.close = async () => {
      await close();
      await tap.close();
    };
    return meter;
  };
}
