// Schemas of the FilesApi (shared/api/files.ts) and SearchApi (shared/api/search.ts) parameters.
import * as v from 'valibot';
import { FILE_PAGE_BYTES } from './files';
import { bytes, count, id, nullableId, text } from './schema-parts';

const job = v.object({ jobId: id });

export const FILES_SCHEMAS = {
  beginExport: v.tuple([v.object({ connectionId: v.optional(nullableId), format: v.optional(v.picklist(['jsonl', 'har'])) })]),
  readExport: v.tuple([v.object({ jobId: id, offset: count, length: count })]),
  beginImport: v.tuple([v.object({ name: text(1024), size: count })]),
  importChunk: v.tuple([v.object({ jobId: id, bytes: v.pipe(bytes, v.maxLength(FILE_PAGE_BYTES)) })]),
  finishImport: v.tuple([job]),
  endFileJob: v.tuple([job]),
};

export const SEARCH_SCHEMAS = {
  cancelSearch: v.tuple([]),
};
