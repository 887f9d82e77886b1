// The crafter's built bytes in the shape the Inspector's anatomy and hex dump take, read back
// from the bytes themselves so the diagram shows what will really be sent.
import type { CraftBuild } from '../../../../shared/craft/build-craft-frame';
import type { AnatomyFrame } from '../../components/anatomy/anatomy-frame';

export function anatomyFromBuild(b: CraftBuild): AnatomyFrame {
  const headerBytes = b.bytes.subarray(0, b.headerLength);
  const b0 = headerBytes[0] ?? 0;
  const len7 = (headerBytes[1] ?? 0) & 0x7f;
  return {
    headerBytes,
    lengthEncoding: len7 === 126 ? 16 : len7 === 127 ? 64 : 7,
    maskKey: b.maskKey,
    fields: b.fields,
    payload: b.wirePayload,
    wirePayload: b.bytes.subarray(b.headerLength),
    fin: (b0 & 0x80) !== 0,
    rsv1: (b0 & 0x40) !== 0,
    rsv2: (b0 & 0x20) !== 0,
    rsv3: (b0 & 0x10) !== 0,
    opcode: b0 & 0x0f,
    masked: b.maskKey !== null,
    payloadLength: b.bytes.length - b.headerLength,
  };
}
