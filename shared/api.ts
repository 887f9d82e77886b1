// The contract between the renderer and the engine: the only surface between them. Both hosts
// (Electron IPC and browser-mode WebSocket RPC) expose exactly these methods and this event stream.
import { APP_METHODS, type AppApi } from './api/app';
import { BODIES_METHODS, type BodiesApi } from './api/bodies';
import { CAPTURE_METHODS, type CaptureApi, type CaptureEngineEvent } from './api/capture';
import { CRAFT_METHODS, type CraftApi } from './api/craft';
import { FILES_METHODS, type FileProgressEvent, type FilesApi } from './api/files';
import { LAB_METHODS, type LabApi, type LabEvent } from './api/lab';
import { LAUNCH_METHODS, type LaunchApi } from './api/launch';
import { SEARCH_METHODS, type SearchApi, type SearchProgressEvent } from './api/search';

export * from './api/app';
export * from './api/bodies';
export * from './api/capture';
export * from './api/craft';
export * from './api/errors';
export * from './api/files';
export * from './api/lab';
export * from './api/launch';
export * from './api/search';

export type FramescopeApi = AppApi & CaptureApi & CraftApi & LabApi & FilesApi & SearchApi & BodiesApi & LaunchApi;
export type ApiMethod = keyof FramescopeApi;
export type ApiParams<M extends ApiMethod> = Parameters<FramescopeApi[M]>;
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<FramescopeApi[M]>>;

export const API_METHODS: readonly ApiMethod[] = [...APP_METHODS, ...CAPTURE_METHODS, ...CRAFT_METHODS, ...LAB_METHODS, ...FILES_METHODS, ...SEARCH_METHODS, ...BODIES_METHODS, ...LAUNCH_METHODS];

// Compile-time proof that every method of the contract is listed where the hosts look.
type Listed =
  | (typeof APP_METHODS)[number]
  | (typeof CAPTURE_METHODS)[number]
  | (typeof CRAFT_METHODS)[number]
  | (typeof LAB_METHODS)[number]
  | (typeof FILES_METHODS)[number]
  | (typeof SEARCH_METHODS)[number]
  | (typeof BODIES_METHODS)[number]
  | (typeof LAUNCH_METHODS)[number];
const everyMethodListed: [Exclude<ApiMethod, Listed>] extends [never] ? true : never = true;
void everyMethodListed;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export type EngineEvent = CaptureEngineEvent | LabEvent | FileProgressEvent | SearchProgressEvent;
export type EventListener = (events: EngineEvent[]) => void;

/** What the renderer holds: the contract plus the event stream, whatever the host. */
export interface FramescopeClient extends FramescopeApi {
  subscribe(listener: EventListener): () => void;
}
