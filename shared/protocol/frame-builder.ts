import { frameFields, headerLengthFor } from './frame-fields.js';
import type { FieldRange } from './types.js';
import { applyMaskInPlace } from './unmask.js';

export interface FrameSpec {
  fin: boolean;
  rsv1: boolean;
  rsv2: boolean;
  rsv3: boolean;
  /** 0-15, reserved ones included: the crafter may build invalid frames on purpose. */
  opcode: number;
  mask: boolean;
  /** 4 bytes; when absent and `mask` is set, one comes from `randomMask`. */
  maskKey?: Uint8Array;
  /** 'minimal' (default) picks 7, 16 or 64 bits as §5.2 requires; 16 or 64 forces that encoding. */
  lengthEncoding?: 'minimal' | 16 | 64;
  payload: Uint8Array;
  /** Length written in the header instead of payload.length (to lie on purpose). */
  declaredLength?: number;
}

export interface BuilderDeps {
  /** Returns 4 random bytes. Injected so tests are deterministic. */
  randomMask?: () => Uint8Array;
}

export interface BuiltFrame {
  bytes: Uint8Array;
  headerLength: number;
  /** Same shape as the parser's; the payload range uses the declared length. */
  fields: FieldRange[];
  maskKey: Uint8Array | null;
  /** Spec values that could not be encoded as given, and what was written instead. */
  warnings: string[];
  /** The same warnings as stable codes and parameters, for a UI that words them itself. */
  warningCodes: BuildMessage[];
}

/** A message as a stable code plus parameters; the English text stays in `warnings`/`error` for the CLI. */
export interface BuildMessage {
  code: string;
  params: Record<string, string | number>;
}

function defaultRandomMask(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(4));
}

/** Builds one frame's bytes exactly as specified, valid or not. Pure apart from `randomMask`. */
export function buildFrame(spec: FrameSpec, deps: BuilderDeps = {}): BuiltFrame {
  const warnings: string[] = [];
  const warningCodes: BuildMessage[] = [];
  let declared = spec.declaredLength ?? spec.payload.length;
  if (!Number.isSafeInteger(declared) || declared < 0) {
    warnings.push(`Declared length ${declared} is not a non-negative safe integer; ${spec.payload.length} was written.`);
    warningCodes.push({ code: 'declaredLengthInvalid', params: { declared: String(declared), written: spec.payload.length } });
    declared = spec.payload.length;
  }

  let lengthEncoding: 7 | 16 | 64;
  const asked = spec.lengthEncoding ?? 'minimal';
  if (asked === 'minimal') lengthEncoding = declared < 126 ? 7 : declared < 65536 ? 16 : 64;
  else lengthEncoding = asked;
  if (lengthEncoding === 16 && declared > 0xffff) {
    warnings.push(`Declared length ${declared} does not fit in 16 bits; ${declared % 65536} was written.`);
    warningCodes.push({ code: 'declaredLength16', params: { declared, written: declared % 65536 } });
    declared %= 65536;
  }

  let maskKey: Uint8Array | null = null;
  if (spec.mask) {
    const key = spec.maskKey ?? (deps.randomMask ?? defaultRandomMask)();
    maskKey = new Uint8Array(4);
    maskKey.set(key.subarray(0, 4));
    if (key.length !== 4) {
      warnings.push(`A masking key has 4 bytes; ${key.length} were given, so it was cut or padded with zeros.`);
      warningCodes.push({ code: 'maskKeyLength', params: { given: key.length } });
    }
  }

  const headerLength = headerLengthFor(lengthEncoding, spec.mask);
  const bytes = new Uint8Array(headerLength + spec.payload.length);
  const opcode = spec.opcode & 0x0f;
  if (opcode !== spec.opcode) {
    warnings.push(`Opcode ${spec.opcode} does not fit in 4 bits; ${opcode} was written.`);
    warningCodes.push({ code: 'opcode4Bits', params: { opcode: spec.opcode, written: opcode } });
  }
  bytes[0] = (spec.fin ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0) | (spec.rsv3 ? 0x10 : 0) | opcode;
  const maskBit = spec.mask ? 0x80 : 0;
  if (lengthEncoding === 7) {
    bytes[1] = maskBit | declared;
  } else if (lengthEncoding === 16) {
    bytes[1] = maskBit | 126;
    bytes[2] = declared >>> 8;
    bytes[3] = declared & 0xff;
  } else {
    bytes[1] = maskBit | 127;
    const hi = Math.floor(declared / 0x100000000);
    const lo = declared >>> 0;
    for (let i = 0; i < 4; i++) {
      bytes[2 + i] = (hi >>> (24 - 8 * i)) & 0xff;
      bytes[6 + i] = (lo >>> (24 - 8 * i)) & 0xff;
    }
  }
  if (maskKey !== null) bytes.set(maskKey, headerLength - 4);
  bytes.set(spec.payload, headerLength);
  // §5.3: the payload is XORed with the key; the header stays in the clear.
  if (maskKey !== null) applyMaskInPlace(bytes, headerLength, spec.payload.length, maskKey, 0);

  return { bytes, headerLength, fields: frameFields(lengthEncoding, spec.mask, declared), maskKey, warnings, warningCodes };
}
