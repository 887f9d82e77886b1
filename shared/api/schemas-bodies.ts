// Schemas of the HTTP-body and one-click-client methods (shared/api/bodies.ts, shared/api/launch.ts).
import * as v from 'valibot';
import { count, id, text } from './schema-parts';

export const BODIES_SCHEMAS = {
  getHttpBody: v.tuple([
    v.object({ exchangeId: id, side: v.picklist(['request', 'response']), offset: count, length: count, decoded: v.boolean() }),
  ]),
  openBrowser: v.tuple([v.object({ proxyId: id, url: v.optional(text(2048)), headless: v.optional(v.boolean()) })]),
  openTerminal: v.tuple([v.object({ proxyId: id })]),
  closeBrowser: v.tuple([id]),
};
