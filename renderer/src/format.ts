// Number, size and time formatting used across views, so every view says "1.2 KiB" the same way,
// in the current UI language: digits through Intl.NumberFormat, unit words from the `common`
// catalog (zh-CN writes 字节, 微秒, 毫秒, 秒, 分; KiB/MiB stay, as Chinese technical texts keep them).
// The unit words are read from the bundled catalogs directly, so these functions work before
// i18next is initialised (unit tests, the first render) and cost no i18next lookup per table cell.
import { i18n } from './i18n';
import { matchLanguage, type Language } from './i18n/languages';
import { resources } from './i18n/resources';

type Units = (typeof resources)['en']['common']['unit'];

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lng: Language, fractionDigits: number | null): Intl.NumberFormat {
  const key = `${lng}/${fractionDigits ?? '-'}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, fractionDigits === null ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/** The language numbers are written for: the UI's, unless a caller names one (tests, exports). */
function language(lng?: Language): Language {
  return lng ?? matchLanguage(i18n.language) ?? 'en';
}

function units(lng: Language): Units {
  return resources[lng].common.unit;
}

/** A number with a fixed count of decimals (or as many as it has), grouped for the language. */
export function formatNumber(n: number, fractionDigits: number | null = null, lng?: Language): string {
  return numberFormat(language(lng), fractionDigits).format(n);
}

export function formatBytes(n: number, lng?: Language): string {
  const l = language(lng);
  const u = units(l);
  if (n < 1024) return `${formatNumber(n, null, l)} ${u.byte}`;
  const names = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < names.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? formatNumber(v, 1, l) : formatNumber(Math.round(v), null, l)} ${names[i]}`;
}

export function formatCount(n: number, lng?: Language): string {
  return formatNumber(n, null, lng);
}

/** A duration given in microseconds, in the largest unit that keeps it readable. */
export function formatDurationUs(us: number, lng?: Language): string {
  const l = language(lng);
  const u = units(l);
  if (us < 1000) return `${formatNumber(Math.round(us), null, l)} ${u.us}`;
  if (us < 1_000_000) return `${formatNumber(us / 1000, us < 10_000 ? 2 : 1, l)} ${u.ms}`;
  const s = us / 1_000_000;
  if (s < 60) return `${formatNumber(s, s < 10 ? 2 : 1, l)} ${u.s}`;
  const m = Math.floor(s / 60);
  return `${formatNumber(m, null, l)} ${u.min} ${formatNumber(Math.round(s - m * 60), null, l)} ${u.s}`;
}

/** Wall-clock time of a capture timestamp (µs since the epoch), with milliseconds (24-hour, as both languages write it). */
export function formatClock(us: number): string {
  const d = new Date(us / 1000);
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
