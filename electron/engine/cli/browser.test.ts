// `framescope browser` where no browser can be found says so, and how to get one; the flags it
// gives Chromium route loopback through the proxy and trust the CA for that profile only.
import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../tls/browser-launch';
import { main } from './main';

describe('framescope browser', () => {
  it('says how to install a browser when none is found', async () => {
    const saved = process.env.FRAMESCOPE_BROWSER;
    process.env.FRAMESCOPE_BROWSER = '/nonexistent/chromium';
    let err = '';
    try {
      const code = await main(['browser', '--headless'], { out: () => {}, err: (l) => (err += l), interrupted: Promise.resolve(), stdin: process.stdin });
      expect(code).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.FRAMESCOPE_BROWSER;
      else process.env.FRAMESCOPE_BROWSER = saved;
    }
    expect(err).toMatch(/No Chromium or Chrome was found[^]*apt install chromium/);
    expect(findChromium({ PATH: '' })).toBeNull();
  });

  it('sends loopback through the proxy and trusts the CA by its key hash, for its own profile only', () => {
    const args = chromiumArgs({ executable: 'x', proxyUrl: 'http://127.0.0.1:1', spki: ['abc='], headless: true, url: 'https://localhost/' }, '/tmp/p');
    expect(args).toEqual(
      expect.arrayContaining(['--user-data-dir=/tmp/p', '--proxy-server=http://127.0.0.1:1', '--proxy-bypass-list=<-loopback>', '--ignore-certificate-errors-spki-list=abc=', '--headless=new']),
    );
    expect(args.at(-1)).toBe('https://localhost/');
  });
});
