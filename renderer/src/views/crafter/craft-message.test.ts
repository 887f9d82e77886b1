// The crafter's codec messages are worded from the catalog: a zh-CN user reads Chinese, with the
// codec's numbers in place; English readers see the codec's own sentences.
import { afterAll, describe, expect, it } from 'vitest';
import { buildCraftFrame } from '../../../../shared/craft/build-craft-frame';
import { makeFrame } from '../../../../shared/craft/craft-spec';
import { buildFrame } from '../../../../shared/protocol/frame-builder';
import { i18n, initI18n } from '../../i18n';
import { en, zhCN } from '../../i18n/resources';
import { parseDocument } from '../../../../shared/craft/document-codec';
import { craftDetail, craftMessage } from './craft-message';

initI18n('en');
afterAll(() => i18n.changeLanguage('en'));

const CODES = [
  'declaredLengthInvalid', 'declaredLength16', 'maskKeyLength', 'opcode4Bits', 'maskKeyFormat', 'base64Chars', 'base64Length',
  'base64Invalid', 'notHexDigit', 'oddHexDigits', 'jsonEmpty', 'jsonInvalid', 'jsonUnexpected', 'jsonEndsEarly', 'compressing', 'fixHexFirst', 'notPlainText',
  'fileTooLarge', 'endsInHeader', 'shortPayload',
];

describe('crafter messages', () => {
  it('words a builder warning in zh-CN with the same numbers the English gives', async () => {
    const built = buildFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, mask: false, lengthEncoding: 16, payload: new Uint8Array(0), declaredLength: 70000 });
    expect(built.warnings).toEqual(['Declared length 70000 does not fit in 16 bits; 4464 was written.']);
    const [w] = built.warningCodes;
    await i18n.changeLanguage('en');
    expect(craftMessage(w!.code, w!.params)).toBe(built.warnings[0]);
    await i18n.changeLanguage('zh-CN');
    expect(craftMessage(w!.code, w!.params)).toBe('声明的载荷长度 70000 超出 16 位所能表示的范围；实际写入的是 4464。');
  });

  it('words payload notes, warnings and errors from the crafter catalog in zh-CN', async () => {
    await i18n.changeLanguage('zh-CN');
    const json = buildCraftFrame({ ...makeFrame(), payloadMode: 'json', payload: '' });
    expect(json.ok && json.warningCodes.map((m) => craftMessage(m.code, m.params))).toEqual(['不是有效的 JSON（载荷为空）；将按输入原样发送。']);
    const b64 = buildCraftFrame({ ...makeFrame(), payloadMode: 'hex', payload: 'base64:SGVsbG8sIHdvcmxkIQ==' });
    expect(b64.ok && b64.noteCodes.map((m) => craftMessage(m.code, m.params))).toEqual(['已按 base64 读取：13 字节。']);
    const bad = buildCraftFrame({ ...makeFrame(), payloadMode: 'hex', payload: 'de ad zz' });
    expect(!bad.ok && craftMessage(bad.code, bad.params)).toBe('十六进制载荷：“z”不是十六进制数字（这段文本也不是 base64）。');
    const key = buildCraftFrame({ ...makeFrame(), mask: true, maskKey: 'xyz' });
    expect(!key.ok && craftMessage(key.code, key.params)).toBe('掩码键为 4 字节：请输入 8 个十六进制数字，例如 37fa213d。');
  });

  it('words invalid JSON by its place in both languages, with JSON.parse’s own message only as the detail', async () => {
    const built = buildCraftFrame({ ...makeFrame(), payloadMode: 'json', payload: '{"a": 1,\n  "b" 2}' });
    const [w] = built.ok ? built.warningCodes : [];
    expect(w).toMatchObject({ code: 'jsonUnexpected', params: { line: 2, column: 7 } });
    await i18n.changeLanguage('en');
    expect(craftMessage(w!.code, w!.params)).toBe('Not valid JSON: a character at line 2, column 7 cannot be there; it will be sent exactly as typed.');
    await i18n.changeLanguage('zh-CN');
    const zh = craftMessage(w!.code, w!.params);
    expect(zh).toBe('不是有效的 JSON：第 2 行第 7 列的字符不能出现在这里；将按输入原样发送。');
    // The engine's words are not in the sentence; they come beside it, unchanged.
    expect(craftDetail(w!.code, w!.params)).toBe(String(w!.params.detail));
    expect(zh).not.toContain(String(w!.params.detail));
    const cut = buildCraftFrame({ ...makeFrame(), payloadMode: 'json', payload: '[1, 2' });
    expect(cut.ok && craftMessage(cut.warningCodes[0]!.code, cut.warningCodes[0]!.params)).toBe('不是有效的 JSON：文本在第 1 行第 6 列就结束了，值还不完整；将按输入原样发送。');
    const doc = parseDocument('{"format": ');
    expect('error' in doc && [doc.code, craftMessage(doc.code, doc.params, 'document')]).toEqual(['notJsonEndsEarly', '不是 JSON：文本在第 1 行第 12 列就结束了，值还不完整']);
    // A sentence that says the detail itself gets no second copy.
    expect(craftDetail('jsonInvalid', { detail: 'x' })).toBeNull();
  });

  it('has every code the codec emits in both languages', () => {
    const missing = (catalog: { messages?: Record<string, string> }) => CODES.filter((c) => !catalog.messages?.[c] && !catalog.messages?.[`${c}_other`]);
    expect(missing(en.crafter)).toEqual([]);
    expect(missing(zhCN.crafter)).toEqual([]);
  });
});
