// Start a capture proxy: reverse (clients connect to Framescope, which forwards to one server) or
// forward (apps use Framescope as their HTTP proxy). Running proxies are listed underneath.
import type { FormEvent } from 'react';
import type { ProxyMode } from '../../../../shared/api';
import { startProxy } from '../../actions/capture';
import { useStore } from '../../store';
import { proxyOptionsFrom } from './control-inputs';
import { InlineError } from './InlineError';
import { ProxyList } from './ProxyList';
import { useAction } from './use-action';
import { MonoField } from './MonoField';

const MODES: Array<{ mode: ProxyMode; label: string; hint: string }> = [
  { mode: 'reverse', label: 'Reverse', hint: 'Clients connect to Framescope instead of the server; each connection is forwarded to the server unchanged.' },
  { mode: 'forward', label: 'Forward', hint: "Set Framescope as a browser's or app's HTTP proxy; every WebSocket and HTTP request through it is captured." },
];

export function ProxyPanel() {
  const draft = useStore((s) => s.proxyDraft);
  const setDraft = useStore((s) => s.setProxyDraft);
  const start = useAction(async () => {
    const parsed = proxyOptionsFrom(draft);
    if (!parsed.ok) throw new Error(parsed.error);
    await startProxy(parsed.value);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  const hint = MODES.find((m) => m.mode === draft.mode)!.hint;

  return (
    <div className="controls-body">
      <form className="controls-form" onSubmit={submit} aria-label="Start a proxy">
        <div className="segmented" role="radiogroup" aria-label="Proxy mode">
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              role="radio"
              aria-checked={draft.mode === m.mode}
              className={draft.mode === m.mode ? 'segment active' : 'segment'}
              onClick={() => setDraft({ mode: m.mode })}
            >
              {m.label}
            </button>
          ))}
        </div>
        <p className="controls-hint">{hint}</p>
        {draft.mode === 'reverse' && (
          <MonoField label="Server to forward to" testId="proxy-target" value={draft.target} placeholder="ws://127.0.0.1:8080/" onChange={(target) => setDraft({ target })} />
        )}
        <label className="field">
          <span className="field-label">Listen on port</span>
          <span className="field-row">
            <span className="field-prefix mono">127.0.0.1 :</span>
            <input
              className="input mono port"
              data-testid="proxy-port"
              value={draft.port}
              placeholder="any free"
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => setDraft({ port: e.target.value })}
            />
          </span>
        </label>
        <div className="controls-actions">
          <button className="button primary" type="submit" disabled={start.pending} data-testid="proxy-start">
            {start.pending ? 'Starting…' : draft.mode === 'reverse' ? 'Start reverse proxy' : 'Start forward proxy'}
          </button>
        </div>
        <InlineError message={start.error} testId="proxy-error" />
      </form>
      <ProxyList />
    </div>
  );
}
