// Frame times measured inside the page with requestAnimationFrame, while the frame table is
// scrolled every frame like a mouse wheel ('wheel', 10 rows a frame) or a hard fling ('fling', 50
// rows a frame), sent to random rows ('jump'), or left alone ('idle').
import type { Page } from 'playwright-core';

// Kept as source text: tsx's transform would otherwise wrap inner functions with helpers that
// do not exist in the page.
const MEASURE = `({ mode, frames }) => new Promise((resolve) => {
  const el = document.querySelector('[data-testid="frame-table-scroll"]');
  const times = [];
  let last = performance.now();
  let n = 0;
  const tick = (now) => {
    times.push(now - last);
    last = now;
    if (mode === 'wheel') el.scrollTop += 260;
    else if (mode === 'fling') el.scrollTop += 1300;
    else if (mode === 'jump' && n % 4 === 0) el.scrollTop = Math.random() * (el.scrollHeight - el.clientHeight);
    if (++n < frames) requestAnimationFrame(tick);
    else resolve(times.slice(1));
  };
  requestAnimationFrame(tick);
})`;

export async function measureFrames(page: Page, mode: 'wheel' | 'fling' | 'jump' | 'idle', frames: number): Promise<number[]> {
  return (await page.evaluate(`(${MEASURE})(${JSON.stringify({ mode, frames })})`)) as number[];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function summarize(label: string, times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const over = times.filter((t) => t > 20).length; // later than one 60 Hz frame plus jitter
  return `${label.padEnd(8)} ${times.length} frames: p50 ${quantile(s, 0.5).toFixed(1)} ms, p95 ${quantile(s, 0.95).toFixed(1)} ms (budget ≤ 17 ms, one 60 Hz frame), max ${quantile(s, 1).toFixed(1)} ms, ${over} frames late (> 20 ms)`;
}
