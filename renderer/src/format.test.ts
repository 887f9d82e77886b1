// The shared formatters in both UI languages: the same numbers and units, written for each locale.
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatCount, formatDurationUs, formatNumber } from './format';
import { i18n, initI18n } from './i18n';

initI18n('en');

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('format (en)', () => {
  it('writes sizes in B, KiB, MiB with one decimal under ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(20 * 1024)).toBe('20 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
    expect(formatBytes(5 * 1024 ** 4 * 1024)).toBe('5,120 TiB');
  });

  it('groups counts and keeps the requested decimals', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatNumber(2.5, 2)).toBe('2.50');
  });

  it('writes durations in µs, ms, s and min', () => {
    expect(formatDurationUs(12.4)).toBe('12 µs');
    expect(formatDurationUs(1500)).toBe('1.50 ms');
    expect(formatDurationUs(25_000)).toBe('25.0 ms');
    expect(formatDurationUs(2_000_000)).toBe('2.00 s');
    expect(formatDurationUs(185_000_000)).toBe('3 min 5 s');
  });
});

describe('format (zh-CN)', () => {
  it('follows the UI language when it changes', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatDurationUs(12)).toBe('12 微秒');
    expect(formatDurationUs(1500)).toBe('1.50 毫秒');
    expect(formatDurationUs(2_000_000)).toBe('2.00 秒');
    expect(formatDurationUs(185_000_000)).toBe('3 分 5 秒');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('takes an explicit language over the UI one', () => {
    expect(formatBytes(100, 'zh-CN')).toBe('100 字节');
    expect(formatDurationUs(999, 'zh-CN')).toBe('999 微秒');
    expect(formatBytes(100, 'en')).toBe('100 B');
  });

  it('formats the wall clock the same in both languages', async () => {
    const us = new Date(2026, 0, 2, 3, 4, 5, 67).getTime() * 1000;
    const en = formatClock(us);
    await i18n.changeLanguage('zh-CN');
    expect(formatClock(us)).toBe(en);
    expect(en).toBe('03:04:05.067');
  });
});

describe('plurals in the catalogs', () => {
  it('picks _one and _other in English and _other in Chinese, with grouped digits', async () => {
    expect(i18n.t('common:frames', { count: 1 })).toBe('1 frame');
    expect(i18n.t('common:frames', { count: 12345 })).toBe('12,345 frames');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('common:frames', { count: 1 })).toBe('1 帧');
    expect(i18n.t('common:frames', { count: 12345 })).toBe('12,345 帧');
  });
});
