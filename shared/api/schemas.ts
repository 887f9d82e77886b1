// Validation at the contract boundary (DESIGN "validated once at the boundary"): one schema per
// method, checked by `checkParams` in the one dispatch every host uses. Inside the engine, the
// types can then be trusted.
//
// Adding a method: add its tuple schema to the domain's *_SCHEMAS object (schemas-<domain>.ts, or
// a new one spread into API_SCHEMAS below). The mapped type makes a missing schema, or a schema
// whose output is not the method's parameters, a compile error.
import * as v from 'valibot';
import type { ApiMethod, ApiParams } from '../api';
import { BODIES_SCHEMAS } from './schemas-bodies';
import { CAPTURE_SCHEMAS } from './schemas-capture';
import { CRAFT_SCHEMAS } from './schemas-craft';
import { FILES_SCHEMAS, SEARCH_SCHEMAS } from './schemas-files';
import { LAB_SCHEMAS } from './schemas-lab';

type ParamsSchema<M extends ApiMethod> = v.GenericSchema<unknown, ApiParams<M>>;

export const API_SCHEMAS: { readonly [M in ApiMethod]: ParamsSchema<M> } = {
  getInfo: v.tuple([]),
  ...CAPTURE_SCHEMAS,
  ...CRAFT_SCHEMAS,
  ...LAB_SCHEMAS,
  ...FILES_SCHEMAS,
  ...SEARCH_SCHEMAS,
  ...BODIES_SCHEMAS,
};

export type CheckedParams<M extends ApiMethod> = { ok: true; params: ApiParams<M> } | { ok: false; message: string };

/** Checks a call's parameters against its method's schema; the message names the first bad field. */
export function checkParams<M extends ApiMethod>(method: M, params: unknown): CheckedParams<M> {
  const result = v.safeParse(API_SCHEMAS[method], params);
  if (result.success) return { ok: true, params: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `${method}: ${path ? `parameter ${path}: ` : ''}${issue.message}` };
}
