// Schemas of the crafter's methods (shared/api/craft.ts).
import * as v from 'valibot';
import { bytes, id, nullableId, peer, text } from './schema-parts';

export const CRAFT_SCHEMAS = {
  injectFrames: v.tuple([v.object({ connectionId: id, from: peer, bytes })]),
  deflateMessage: v.tuple([v.object({ connectionId: nullableId, from: peer, payload: bytes })]),
  listSnippets: v.tuple([]),
  saveSnippet: v.tuple([v.object({ id: text(128), name: text(256), spec: text(16 * 1024 * 1024) })]),
  deleteSnippet: v.tuple([text(128)]),
};
