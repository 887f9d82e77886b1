// The lab's connection topics, each measured live: Socket.IO's fallbacks, what idle connections
// cost the server, and many requests over one connection.
import { ConcurrencyPanel } from './ConcurrencyPanel';
import { IdleCostPanel } from './IdleCostPanel';
import { SocketIoPanel } from './SocketIoPanel';
import './connections.css';

export function ConnectionsPanel() {
  return (
    <div className="lab-demos lab-connections" data-testid="lab-connections">
      <SocketIoPanel />
      <IdleCostPanel />
      <ConcurrencyPanel />
    </div>
  );
}
