// What a student does at each lesson step, on the real app: the step's buttons, the lesson's client,
// the crafter's Send, the lab's own controls. Used by lessons.e2e.ts to run every lesson to the end.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { untranslatedText, type UntranslatedText } from './text-audit';

export type StudentAct = (page: Page) => Promise<void>;

const click = (testid: string): StudentAct => async (page) => {
  const el = page.getByTestId(testid);
  await expect.poll(() => el.isEnabled(), { timeout: 15_000 }).toBe(true);
  await el.click();
  // The lesson's buttons are disabled while their work runs: wait for it to end.
  await expect.poll(() => page.locator('[data-testid^="lesson-action-"]:disabled, [data-testid="lesson-send"]:disabled').count(), { timeout: 15_000 }).toBe(0);
};
const action = (id: string): StudentAct => click(`lesson-action-${id}`);
const seq = (...acts: StudentAct[]): StudentAct => async (page) => {
  for (const act of acts) await act(page);
};
const sendSized = (size: number): StudentAct => async (page) => {
  await page.getByTestId('lesson-size').fill(String(size));
  await click('lesson-send-sized')(page);
};
/** The crafter sends what the step loaded into the lesson's connection; its history shows when it is out. */
const crafterSend: StudentAct = async (page) => {
  await expect.poll(() => page.getByTestId('crafter').count(), { timeout: 15_000 }).toBe(1);
  await click('crafter-send')(page);
};

/** Per lesson and step, what the student does; checked to be ✗ before and ✓ after. */
export const STUDENT: Record<string, StudentAct> = {
  'http-vs-ws/connect': seq(action('connect-echo'), click('lesson-send'), click('lesson-send'), click('lesson-send')),
  'http-vs-ws/push': seq(action('connect-chat-pair'), click('lesson-send')),
  'handshake/upgrade': action('connect-echo'),
  'handshake/origin': click('lesson-connect-origin'),
  'frames/lengths': seq(action('connect-echo'), sendSized(125), sendSized(126), sendSized(65_536)),
  'frames/masking': action('send-hello'),
  'fragments/split': seq(action('connect-echo'), action('crafter-fragments'), crafterSend),
  'fragments/interleave': seq(action('crafter-fragments-ping'), crafterSend),
  'heartbeat/ping': seq(action('connect-echo'), action('ping')),
  'heartbeat/craft': seq(action('crafter-ping'), crafterSend),
  'closing/handshake': seq(action('connect-echo'), click('lesson-close')),
  'closing/error': seq(action('connect-strict'), action('crafter-rsv1'), crafterSend),
  'compression/negotiate': action('connect-deflate'),
  'compression/takeover': seq(click('lesson-send'), click('lesson-send')),
  'transports/side-by-side': action('lab-run'),
  'transports/upstream': async (page) => {
    await action('lab-stop')(page);
    await expect.poll(() => page.getByTestId('lab-start').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('lab-upstream').check();
    await page.getByTestId('lab-start').click();
  },
  'subprotocols/refused': action('connect-strict-bare'),
  'subprotocols/agreed': click('lesson-connect-subprotocol'),
  'subprotocols/socketio': action('socketio-run'),
};

export async function verdict(page: Page): Promise<string | null> {
  return page.getByTestId('lesson-verdict').getAttribute('data-verdict');
}

/** Opens the app in a language (`?lang=`) on the Lessons view. */
export async function openIn(page: Page, baseUrl: string, lang: 'en' | 'zh-CN'): Promise<void> {
  const url = new URL(baseUrl);
  url.searchParams.set('lang', lang);
  await page.goto(url.toString());
  await page.getByRole('tab', { name: /Lessons|课程/ }).click();
  await expect.poll(() => page.getByTestId('lessons').count()).toBe(1);
}

/**
 * English left in the lessons' own UI (the Lessons view and the lesson panel). The rest of the
 * page — top bar, sidebar, status bar, the views beside the panel — is audited by its owners' tests
 * and set aside here (translate="no" for the time of the audit).
 */
export async function untranslatedInLessons(page: Page): Promise<UntranslatedText[]> {
  const others = '.topbar, .sidebar, .statusbar, .notices, .shell-main:not(:has([data-testid="lessons"]))';
  await page.evaluate((sel) => {
    for (const el of document.querySelectorAll(sel)) {
      el.setAttribute('data-audit-aside', el.getAttribute('translate') ?? '');
      el.setAttribute('translate', 'no');
    }
  }, others);
  try {
    // The main area's own aria-label is the shell's, not the lessons'.
    return (await untranslatedText(page)).filter((w) => !w.where.endsWith('main.shell-main'));
  } finally {
    await page.evaluate(() =>
      document.querySelectorAll('[data-audit-aside]').forEach((el) => {
        const was = el.getAttribute('data-audit-aside');
        if (was) el.setAttribute('translate', was);
        else el.removeAttribute('translate');
        el.removeAttribute('data-audit-aside');
      }),
    );
  }
}
