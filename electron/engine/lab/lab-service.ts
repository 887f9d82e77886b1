// Placeholder until the comparison lab lands (issue 7).
import { FramescopeError, type LabApi, type LabOptions, type LabStatus } from '../../../shared/api';
import type { CaptureService } from '../capture/capture-service';
import type { EventBus } from '../event-bus';

export class LabService implements LabApi {
  constructor(private readonly deps: { capture: CaptureService; bus: EventBus }) {}

  async labStart(_options: LabOptions): Promise<LabStatus> {
    throw new FramescopeError('unsupported', 'The lab is not built yet.');
  }
  async labStop(): Promise<LabStatus> {
    return this.labStatus();
  }
  async labStatus(): Promise<LabStatus> {
    return { running: false, options: null, endpoints: null, startedAt: null };
  }
  async close(): Promise<void> {}
}
