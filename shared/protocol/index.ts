/** The WebSocket codec: pure TypeScript over Uint8Array, for the engine and the renderer alike. */
export type { DecodedFrame, FieldName, FieldRange, FrameHeader, Peer, Violation } from './types.js';
export * from './opcodes.js';
export * from './close-codes.js';
export { VIOLATION_KINDS, violation, violationKind, type ViolationCode, type ViolationKind } from './violations.js';
export { Utf8Validator, decodeUtf8, encodeUtf8, findInvalidUtf8, type Utf8Check } from './utf8.js';
export { frameFields, headerLengthFor } from './frame-fields.js';
export { DEFAULT_PAYLOAD_BUDGET, FrameParser, type FrameParserOptions, type ParserEvent } from './frame-parser.js';
export {
  MessageAssembler,
  type AssembledMessage,
  type AssemblerResult,
  type MessageAssemblerOptions,
} from './message-assembler.js';
export { DirectionDecoder, type DecoderHandler, type DirectionDecoderOptions } from './direction-decoder.js';
export type { InflateEnd, InflateSink, StreamInflater } from './inflate-stream.js';
export type { InflatedMessage } from './message-inflation.js';
export { KeptBytes } from './kept-bytes.js';
export type { NativeUnmask } from './unmask.js';
export { closePayload, parseClosePayload, type ClosePayload } from './close-payload.js';
export { buildFrame, type BuilderDeps, type BuiltFrame, type FrameSpec } from './frame-builder.js';
export {
  DEFAULT_MAX_HEAD_SIZE,
  HttpHeadParser,
  getHeader,
  parseHttpHead,
  type HttpHead,
  type HttpHeadResult,
  type HttpHeader,
  type HttpRequestLine,
  type HttpStatusLine,
} from './http-head-parser.js';
export { WEBSOCKET_GUID, computeAccept, explainAccept, type AcceptExplanation } from './handshake.js';
export { checkHandshake, type HandshakeCheck } from './handshake-checks.js';
export {
  PERMESSAGE_DEFLATE,
  deflateFor,
  deflateParamsFromExtension,
  isToken,
  parseDeflateParams,
  parseExtensions,
  type DeflateParams,
  type ExtensionParam,
  type NegotiatedExtension,
} from './extensions.js';
export { asciiPreview, fromBase64, fromHex, toBase64, toHex } from './hex.js';
