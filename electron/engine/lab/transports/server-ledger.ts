// What the lab's servers know they wrote into response bodies: the messages (payload) and the
// bytes around them (JSON array brackets and commas, SSE field names). The wire meter sees the
// totals; this ledger lets the accounting say which body bytes were message and which were wrapping.
export class ServerLedger {
  responses = 0;
  emptyResponses = 0;
  messagesSent = 0;
  payloadBytes = 0;
  /** Poll bodies: `[`, `,`, `]` or newlines between messages. */
  wrapBytes = 0;
  /** SSE: `data:` and the blank line ending each event. */
  sseFieldBytes = 0;
  /** Chunked coding the server's writes produced: size line + CRLF per write, last-chunk at the end. */
  chunkFramingBytes = 0;
  /** Connections or streams the server accepted (SSE streams, WebSockets). */
  streams = 0;

  addBody(messageBytes: number[], bodyBytes: number): void {
    this.responses++;
    if (messageBytes.length === 0) this.emptyResponses++;
    const payload = messageBytes.reduce((a, b) => a + b, 0);
    this.messagesSent += messageBytes.length;
    this.payloadBytes += payload;
    this.wrapBytes += bodyBytes - payload;
  }

  addSseEvent(messageBytes: number, fieldBytes: number): void {
    this.messagesSent++;
    this.payloadBytes += messageBytes;
    this.sseFieldBytes += fieldBytes;
  }

  /** RFC 9112 §7.1: chunk-size in hex, CRLF, data, CRLF; the body ends with "0" CRLF CRLF. */
  addChunk(dataBytes: number): void {
    this.chunkFramingBytes += dataBytes.toString(16).length + 4;
  }

  addLastChunk(): void {
    this.chunkFramingBytes += 5;
  }

  addFrameMessage(messageBytes: number): void {
    this.messagesSent++;
    this.payloadBytes += messageBytes;
  }
}
