import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const APP = 'file:///opt/framescope/out/renderer/index.html';

describe('isTrustedSender', () => {
  const mainFrame = { url: APP };
  const contents = { mainFrame };

  it('accepts our window\'s main frame on our page', () => {
    expect(isTrustedSender({ sender: contents, senderFrame: mainFrame }, contents, APP)).toBe(true);
  });

  it('refuses a subframe, another window, a missing frame and a main frame showing another file', () => {
    expect(isTrustedSender({ sender: contents, senderFrame: { url: APP } }, contents, APP)).toBe(false);
    expect(isTrustedSender({ sender: { mainFrame }, senderFrame: mainFrame }, contents, APP)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null }, contents, APP)).toBe(false);
    const elsewhere = { url: 'file:///tmp/evil.html' };
    expect(isTrustedSender({ sender: { mainFrame: elsewhere }, senderFrame: elsewhere }, { mainFrame: elsewhere }, APP)).toBe(false);
  });
});
