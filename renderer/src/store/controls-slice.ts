// State of the capture controls (the proxy and built-in client panels). The drafts live here, not
// in the panels, so closing the panel or switching tabs never throws away what the user typed.
import type { StateCreator } from 'zustand';
import type { ProxyMode } from '../../../shared/api';
import type { StoreState } from './index';

export type ControlsTab = 'proxy' | 'client' | 'file';

export interface ProxyDraft {
  mode: ProxyMode;
  /** Reverse mode: where the proxy forwards to. */
  target: string;
  /** As typed; empty means "any free port". */
  port: string;
  /** Forward mode: open TLS tunnels with this install's CA. */
  interceptTls: boolean;
  /** Comma-separated hosts (or *.domain) whose TLS passes through untouched, as typed. */
  passThrough: string;
  /** Comma-separated hosts whose certificates are not checked, as typed. */
  insecureHosts: string;
  /** CA certificates (PEM text) the user added, with the file names they came from. */
  trustedCas: Array<{ name: string; pem: string }>;
}

export interface ClientDraft {
  url: string;
  /** Comma-separated, as typed. */
  subprotocols: string;
  /** One "Name: value" per line, as typed. */
  headers: string;
  deflate: boolean;
}

export interface ControlsSlice {
  controlsOpen: boolean;
  controlsTab: ControlsTab;
  proxyDraft: ProxyDraft;
  clientDraft: ClientDraft;
  /** The built-in client connection the client panel drives (null: show the connect form). */
  clientConnectionId: number | null;
  openControls(tab?: ControlsTab): void;
  closeControls(): void;
  setControlsTab(tab: ControlsTab): void;
  setProxyDraft(patch: Partial<ProxyDraft>): void;
  setClientDraft(patch: Partial<ClientDraft>): void;
  setClientConnection(id: number | null): void;
}

export const createControlsSlice: StateCreator<StoreState, [], [], ControlsSlice> = (set) => ({
  controlsOpen: false,
  controlsTab: 'proxy',
  proxyDraft: { mode: 'reverse', target: '', port: '', interceptTls: true, passThrough: '', insecureHosts: '', trustedCas: [] },
  clientDraft: { url: '', subprotocols: '', headers: '', deflate: false },
  clientConnectionId: null,
  openControls: (tab) => set((s) => ({ controlsOpen: true, controlsTab: tab ?? s.controlsTab })),
  closeControls: () => set({ controlsOpen: false }),
  setControlsTab: (controlsTab) => set({ controlsTab }),
  setProxyDraft: (patch) => set((s) => ({ proxyDraft: { ...s.proxyDraft, ...patch } })),
  setClientDraft: (patch) => set((s) => ({ clientDraft: { ...s.clientDraft, ...patch } })),
  setClientConnection: (clientConnectionId) => set({ clientConnectionId }),
});
