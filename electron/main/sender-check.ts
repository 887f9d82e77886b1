// Who may ask for a port to the engine: our window's main frame, showing our own page. Kept free
// of the `electron` import (structural types) so a unit test can try every wrong sender.
import { isAppUrl } from './window-options';

interface FrameLike {
  url: string;
}

export interface SenderLike<F extends FrameLike> {
  sender: unknown;
  senderFrame: F | null;
}

export interface WindowContentsLike<F extends FrameLike> {
  mainFrame: F;
}

export function isTrustedSender<F extends FrameLike>(event: SenderLike<F>, contents: WindowContentsLike<F>, appUrl: string): event is SenderLike<F> & { senderFrame: F } {
  const frame = event.senderFrame;
  // A subframe (an injected iframe), another window, or a page navigated elsewhere gets nothing.
  return event.sender === contents && frame !== null && frame === contents.mainFrame && isAppUrl(frame.url, appUrl);
}
