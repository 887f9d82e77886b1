// Headless runs should cost what a browser's requests cost, so the Node clients send the header
// set Chromium sends with a cross-origin fetch (Host and Connection are added by node:http). The
// in-app run uses the real browser instead; its numbers are the authority.
export const BROWSER_LIKE_HEADERS: Record<string, string> = {
  'sec-ch-ua-platform': '"Linux"',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
  'sec-ch-ua': '"Chromium";v="138", "Not)A;Brand";v="8"',
  'sec-ch-ua-mobile': '?0',
  accept: '*/*',
  origin: 'http://127.0.0.1:5173',
  'sec-fetch-site': 'same-site',
  'sec-fetch-mode': 'cors',
  'sec-fetch-dest': 'empty',
  referer: 'http://127.0.0.1:5173/',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-US,en;q=0.9',
};

/** The cookie header a browser would send after the lab's Set-Cookie for `bytes` (0: none). */
export function labCookieHeader(bytes: number): Record<string, string> {
  const value = labCookies(bytes)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return value ? { cookie: value } : {};
}

/** Cookies of `bytes` in total (name=value, as they travel), each under the 4096-byte cookie limit (RFC 6265 §6.1). */
export function labCookies(bytes: number): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  let left = bytes;
  for (let i = 0; left > 0; i++) {
    const name = `lab${i}`;
    // Each cookie after the first is joined with "; " (2 bytes), which counts toward the total.
    const sep = i === 0 ? 0 : 2;
    const take = Math.min(3000, left - sep);
    const valueLength = Math.max(1, take - name.length - 1);
    out.push({ name, value: 'c'.repeat(valueLength) });
    left -= sep + name.length + 1 + valueLength;
  }
  return out;
}

export const LAB_COOKIE_SLOTS = 4;
