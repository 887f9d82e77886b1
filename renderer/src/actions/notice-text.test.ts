// Notices and inline errors keep keys, not sentences: the same value is worded in whichever
// language is shown, a refusal of our own (WordedError) reads as its sentence with no English
// detail, and an engine error's words stay data.
import { afterAll, describe, expect, it } from 'vitest';
import { FramescopeError } from '../../../shared/api/errors';
import { i18n, initI18n } from '../i18n';
import { describeError, errorNotice, WordedError } from './error-text';
import { text, wordNotice } from './notice-text';

initI18n('en');
afterAll(() => i18n.changeLanguage('en'));

describe('worded errors', () => {
  const tooBig = new WordedError(text('inspector:copy.tooBig', { what: text('inspector:copy.what.message'), size: '80 MiB', limit: '64 MiB' }), 'limit', 'The message is 83886080 bytes.');

  it('word a refusal of our own by its key, with no detail, in the language shown now', async () => {
    await i18n.changeLanguage('en');
    const notice = errorNotice(tooBig, text('errors:context.copy'));
    expect(notice).toMatchObject({ code: 'limit', more: tooBig.text });
    expect(notice.detail).toBeUndefined();
    const en = wordNotice(notice);
    expect(en).toContain('80 MiB');
    expect(en).not.toContain('83886080');
    await i18n.changeLanguage('zh-CN');
    const zh = wordNotice(notice);
    expect(zh).not.toBe(en);
    expect(zh.startsWith('无法复制。')).toBe(true);
    expect(describeError(tooBig)).toEqual({ code: 'limit', sentence: zh.slice('无法复制。'.length), detail: '' });
  });

  it('keep an engine error’s words as data beside the sentence', async () => {
    await i18n.changeLanguage('zh-CN');
    const err = new FramescopeError('unavailable', 'connect ECONNREFUSED 127.0.0.1:9');
    expect(describeError(err)).toEqual({ code: 'unavailable', sentence: '有一方没有响应：端口、服务器或引擎。', detail: 'connect ECONNREFUSED 127.0.0.1:9' });
    // Anything else takes the caller's code.
    expect(describeError(new Error('Failed to fetch'), 'unavailable').code).toBe('unavailable');
  });
});
