import { describe, expect, it } from 'vitest';
import { makeFrame } from './craft-spec';
import { parseDocument, serializeDocument } from './document-codec';
import { TEMPLATES, instantiateTemplate } from './templates';

describe('crafter documents (snippet specs)', () => {
  it('round-trips every template', () => {
    for (const t of TEMPLATES) {
      const doc = instantiateTemplate(t, 'client');
      expect(parseDocument(serializeDocument(doc))).toEqual(doc);
    }
  });

  it('fills fields missing from older snippets with defaults', () => {
    const text = JSON.stringify({ format: 'framescope-craft', version: 1, from: 'server', frames: [{ opcode: 2 }] });
    expect(parseDocument(text)).toEqual({ from: 'server', frames: [makeFrame({ opcode: 2 })] });
  });

  it('names what is wrong in garbage', () => {
    expect(parseDocument('{oops')).toMatchObject({ error: expect.stringMatching(/^not JSON/) });
    expect(parseDocument('[]')).toMatchObject({ code: 'notDocument', error: 'not a crafter document' });
    expect(parseDocument(JSON.stringify({ format: 'framescope-craft', version: 9, from: 'client', frames: [] }))).toMatchObject({
      error: expect.stringMatching(/version 9/),
    });
    const bad = { format: 'framescope-craft', version: 1, from: 'client', frames: [{ opcode: 16 }] };
    expect(parseDocument(JSON.stringify(bad))).toMatchObject({ code: 'frameField', params: { frame: 1, field: 'opcode' }, error: 'frame 1: "opcode" must be an integer from 0 to 15' });
    const noFrames = { format: 'framescope-craft', version: 1, from: 'client', frames: [] };
    expect(parseDocument(JSON.stringify(noFrames))).toHaveProperty('error');
  });
});
