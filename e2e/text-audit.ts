// What a Chinese reader would see left in English: walks the visible text and the title / aria-label /
// placeholder attributes of a page shown in zh-CN and returns every English word that is not a proper
// noun, a unit, an acronym or a protocol token. Peer data (payloads, header values, URLs, hex, code)
// is not UI text: its container carries the HTML attribute `translate="no"` and is skipped. Monaco's
// own menus, find widget and hovers are UI text (its context menu lives in an open shadow root, which
// the walk enters); the text being edited and its line numbers are data and are skipped.
import type { Page } from 'playwright-core';

/** Words that stay as they are in Chinese technical writing (case-insensitive). */
export const KEPT_WORDS = [
  'Framescope', 'WebSocket', 'WebSockets', 'Socket.IO', 'Engine.IO', 'Chromium', 'Chrome', 'Node', 'Node.js', 'Python',
  'curl', 'websockets', 'ws', 'wss', 'http', 'https', 'localhost', 'gzip', 'deflate', 'permessage-deflate', 'br', 'brotli',
  'hex', 'base64', 'utf', 'json', 'jsonl', 'har', 'pem', 'tshark', 'Wireshark', 'Linux', 'macOS', 'Windows', 'Firefox',
  'Ping', 'Pong', 'Close', 'Text', 'Binary', 'Continuation', 'Upgrade', 'Connection', 'Origin', 'Host', 'Accept',
  'chunked', 'keep-alive', 'Content-Length', 'Transfer-Encoding', 'Content-Type', 'Cache-Control', 'event', 'data', 'id', 'retry',
  'KiB', 'MiB', 'GiB', 'TiB', 'ms', 'µs', 'min', 'px', 'fps', 'msg', 'req',
  'client_max_window_bits', 'server_max_window_bits', 'client_no_context_takeover', 'server_no_context_takeover',
  'polling', 'Latin', 'Ctrl', 'Esc', 'Enter', 'Alt', 'Shift', 'Escape',
];

export interface UntranslatedText {
  word: string;
  text: string;
  where: string;
}

/** Views other than the Inspector load when first shown (renderer/src/views/index.tsx): wait for it. */
export async function viewLoaded(page: Page): Promise<void> {
  await page.locator('[data-view-loading]').waitFor({ state: 'detached' });
}

export async function untranslatedText(page: Page, extraKept: readonly string[] = []): Promise<UntranslatedText[]> {
  await viewLoaded(page);
  return page.evaluate((kept) => {
    const allowed = new Set(kept.map((w) => w.toLowerCase()));
    const found: { word: string; text: string; where: string }[] = [];
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const tid = e.getAttribute('data-testid');
        parts.unshift(tid ? `[data-testid=${tid}]` : e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
      }
      return parts.join(' > ');
    };
    // Monaco's text and line numbers are data; its screen-reader live region quotes them ("found x").
    const EDITED_TEXT = '.monaco-editor .lines-content, .monaco-editor .margin, .monaco-aria-container';
    // The nearest translate attribute decides (HTML: a translate="yes" inside translate="no" is text again).
    const skipped = (el: Element | null) =>
      !el || el.closest(`script, style, noscript, ${EDITED_TEXT}`) !== null || el.closest('[translate]')?.getAttribute('translate') === 'no';
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none';
    };
    const check = (text: string, el: Element) => {
      for (const m of text.matchAll(/[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]/g)) {
        const word = m[0];
        if (word.length < 3) continue;
        if (allowed.has(word.toLowerCase())) continue;
        if (/^[A-Z0-9_-]+$/.test(word)) continue; // acronyms: RFC, HTTP, TCP, FIN, RSV1, SSE…
        if (/^(Sec-)?[A-Z][a-z]+(-[A-Z][A-Za-z]+)+$/.test(word)) continue; // header names
        found.push({ word, text: text.trim().slice(0, 120), where: describe(el) });
        return;
      }
    };
    const audit = (root: Element | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n instanceof Element) {
          if (n.shadowRoot) audit(n.shadowRoot);
          continue;
        }
        const el = n.parentElement;
        if (!el || skipped(el) || !visible(el) || !n.textContent?.trim()) continue;
        check(n.textContent, el);
      }
      for (const el of root.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (skipped(el)) continue;
        for (const attr of ['title', 'aria-label', 'placeholder']) {
          const v = el.getAttribute(attr);
          if (v) check(v, el);
        }
      }
    };
    audit(document.body);
    return found;
  }, [...KEPT_WORDS, ...extraKept]);
}

/** How far the page scrolls sideways (0 when it fits), and the elements whose content is cut off. */
export async function horizontalOverflow(page: Page): Promise<{ overflowPx: number; clipped: string[] }> {
  await viewLoaded(page);
  return page.evaluate(() => {
    const overflowPx = Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
    const clipped: string[] = [];
    for (const el of document.querySelectorAll('button, [role="tab"], label, h1, h2, h3, th, .clip-check')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      // A control wider than its box (and not meant to ellipsize) or outside the viewport is clipped.
      const cut = el.scrollWidth > el.clientWidth + 1 && s.textOverflow !== 'ellipsis';
      const outside = r.right > window.innerWidth + 1 || r.left < -1;
      if (cut || outside) clipped.push(`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    }
    return { overflowPx, clipped };
  });
}
