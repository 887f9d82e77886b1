import type { AppApi, AppInfo, HostKind } from '../../shared/api';

export class AppService implements AppApi {
  constructor(private readonly info: { version: string; host: HostKind; dataDir: string }) {}

  async getInfo(): Promise<AppInfo> {
    return { name: 'Framescope', ...this.info };
  }
}
