// One click to a captured client (issue 14), for a running forward proxy: "Open a browser" starts
// the machine's Chromium or Chrome with a fresh profile that uses this proxy and trusts this
// install's CA for that profile only; "Open a terminal" starts the system terminal with the proxy
// and CA variables set, and always shows the `export` lines with a copy button (the only way where
// no terminal can be started). Paths and shell lines are data (translate="no").
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenBrowserResult, OpenTerminalResult, ProxyStatus } from '../../../../shared/api';
import { useClient } from '../../api/use-client';
import { InlineError } from './InlineError';
import { useAction } from './use-action';

/** Commands, not prose: how to get a browser Framescope can start (the same advice the CLI gives). */
const INSTALL_BROWSER = ['sudo apt install chromium', 'brew install --cask chromium', 'FRAMESCOPE_BROWSER=/path/to/chrome'];

export function CapturedClients({ proxy }: { proxy: ProxyStatus }) {
  const { t } = useTranslation('controls');
  const client = useClient();
  const [browser, setBrowser] = useState<OpenBrowserResult | null>(null);
  const [terminal, setTerminal] = useState<OpenTerminalResult | null>(null);
  const [copied, setCopied] = useState(false);
  const openBrowser = useAction(async () => setBrowser(await client.openBrowser({ proxyId: proxy.id })));
  const openTerminal = useAction(async () => setTerminal(await client.openTerminal({ proxyId: proxy.id })));
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="captured-clients" data-testid="captured-clients">
      <div className="captured-clients-buttons">
        <button className="button small" onClick={() => void openBrowser.run()} disabled={openBrowser.pending} data-testid="open-browser">
          {t('clients.openBrowser')}
        </button>
        <button className="button small" onClick={() => void openTerminal.run()} disabled={openTerminal.pending} data-testid="open-terminal">
          {t('clients.openTerminal')}
        </button>
      </div>
      {browser?.launched === true && (
        <p className="controls-note" data-testid="browser-opened">
          {t('clients.browserOpened')} <code translate="no">{browser.executable}</code>
        </p>
      )}
      {browser?.launched === false && (
        <p className="controls-note warn-note" data-testid="no-browser">
          {t('clients.noBrowser')}{' '}
          {INSTALL_BROWSER.map((line) => (
            <code key={line} translate="no" className="install-line">
              {line}
            </code>
          ))}
        </p>
      )}
      {terminal !== null && (
        <div className="terminal-exports" data-testid="terminal-exports">
          <p className="controls-note">
            {terminal.terminal !== null ? t('clients.terminalOpened') : t('clients.noTerminal')} {terminal.terminal !== null && <code translate="no">{terminal.terminal}</code>}
          </p>
          <pre className="export-lines" translate="no">
            {terminal.exports.join('\n')}
          </pre>
          <button className="button ghost small" onClick={() => void copy(terminal.exports.join('\n'))}>
            {copied ? t('clients.copied') : t('clients.copyExports')}
          </button>
        </div>
      )}
      <InlineError message={openBrowser.error ?? openTerminal.error} />
    </div>
  );
}
