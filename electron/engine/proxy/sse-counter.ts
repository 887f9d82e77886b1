// Counts server-sent events in a text/event-stream body (HTML Living Standard §9.2.6, "event
// stream interpretation"): lines end in CRLF, LF or CR; a blank line dispatches the event being
// built, which happens only if it carried at least one `data` field; lines starting with ':' are
// comments (keep-alives) and never make an event.
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const DATA = [0x64, 0x61, 0x74, 0x61]; // "data"

export class SseCounter {
  events = 0;
  private lineLength = 0;
  /** Bytes of the current line compared against "data" so far (-1: no longer a match). */
  private dataMatch = 0;
  private hasData = false;
  private lastWasCr = false;

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === LF && this.lastWasCr) {
        this.lastWasCr = false; // the LF of a CRLF: the line already ended at the CR
        continue;
      }
      this.lastWasCr = b === CR;
      if (b === LF || b === CR) {
        this.endLine();
        continue;
      }
      if (this.dataMatch >= 0) {
        if (this.dataMatch < 4 && b === DATA[this.dataMatch]) this.dataMatch++;
        else if (this.dataMatch === 4 && b === COLON) {
          this.hasData = true;
          this.dataMatch = -1;
        } else this.dataMatch = -1;
      }
      this.lineLength++;
    }
  }

  private endLine(): void {
    if (this.lineLength === 0) {
      if (this.hasData) this.events++;
      this.hasData = false;
    } else if (this.dataMatch === 4) {
      this.hasData = true; // a bare "data" line is a data field with an empty value
    }
    this.lineLength = 0;
    this.dataMatch = 0;
  }
}
