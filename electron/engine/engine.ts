// The engine: everything Framescope does, in plain Node. Both hosts (Electron main and the
// browser-mode server) create one and expose `engine.api`, which is exactly the contract.
import {
  APP_METHODS,
  BODIES_METHODS,
  CAPTURE_METHODS,
  CRAFT_METHODS,
  FILES_METHODS,
  LAB_METHODS,
  LAUNCH_METHODS,
  SEARCH_METHODS,
  type EventListener,
  type FramescopeApi,
  type HostKind,
} from '../../shared/api';
import { AppService } from './app-service';
import { bindMethods } from './bind-methods';
import { CaptureService, type CaptureServiceDeps } from './capture/capture-service';
import { FilesService } from './capture/files-service';
import { HttpBodyReader } from './capture/http-body-read';
import { CraftService } from './craft/craft-service';
import { resolveDataDir } from './data-dir';
import { EventBus } from './event-bus';
import { LabService } from './lab/lab-service';
import { LaunchService, type LaunchDeps } from './tls/launch-service';
import { packageVersion } from './version';

export interface EngineOptions {
  host: HostKind;
  dataDir?: string;
  /** Capture settings beyond the defaults (trusted upstream CAs, TLS interception). */
  capture?: Partial<Omit<CaptureServiceDeps, 'bus' | 'dataDir'>>;
  /** The one-click clients' environment and extra Chromium flags (tests; the default is this process's environment). */
  launch?: Pick<LaunchDeps, 'env' | 'browserArgs'>;
}

export class Engine {
  readonly api: FramescopeApi;
  readonly bus = new EventBus();
  readonly dataDir: string;
  readonly capture: CaptureService;
  readonly craft: CraftService;
  readonly lab: LabService;
  readonly files: FilesService;
  readonly launch: LaunchService;

  constructor(options: EngineOptions) {
    this.dataDir = resolveDataDir(options.dataDir);
    const app = new AppService({ version: packageVersion(), host: options.host, dataDir: this.dataDir });
    this.capture = new CaptureService({ ...options.capture, bus: this.bus, dataDir: this.dataDir });
    this.craft = new CraftService({ capture: this.capture, dataDir: this.dataDir });
    this.lab = new LabService({ capture: this.capture, bus: this.bus });
    this.capture.store.filters.onProgress = (event) => this.bus.emit(event);
    this.files = new FilesService({ store: this.capture.store, bus: this.bus, dataDir: this.dataDir, version: packageVersion() });
    this.launch = new LaunchService({ ...options.launch, dataDir: this.dataDir, listProxies: () => this.capture.listProxies() });
    this.api = {
      ...bindMethods(app, APP_METHODS),
      ...bindMethods(this.capture, CAPTURE_METHODS),
      ...bindMethods(this.craft, CRAFT_METHODS),
      ...bindMethods(this.lab, LAB_METHODS),
      ...bindMethods(this.files, FILES_METHODS),
      ...bindMethods(this.capture.store.filters, SEARCH_METHODS),
      ...bindMethods(new HttpBodyReader(this.capture.store), BODIES_METHODS),
      ...bindMethods(this.launch, LAUNCH_METHODS),
    };
  }

  subscribe(listener: EventListener): () => void {
    return this.bus.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.launch.close();
    await this.lab.close();
    await this.files.close();
    await this.capture.close();
    this.bus.close();
  }
}
