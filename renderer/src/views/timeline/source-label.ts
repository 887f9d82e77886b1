// How a connection reached Framescope, in the reader's language: named on the timeline's proxy
// lane and in the crafter's connection picker.
import type { ConnectionSource } from '../../../../shared/model';
import { i18n } from '../../i18n';

export function sourceLabel(source: ConnectionSource): string {
  return i18n.t(`timeline:source.${source}`);
}
