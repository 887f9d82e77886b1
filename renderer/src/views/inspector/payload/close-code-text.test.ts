// Every close code of RFC 6455 §7.4.1 the shared table knows has a name and a meaning in both languages.
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../../../../shared/protocol/close-codes';
import { en, zhCN } from '../../../i18n/resources';

type Codes = Record<string, { name?: string; meaning?: string }>;

describe('close code texts', () => {
  it('has en and zh-CN for every code of the shared table, the English word for word', () => {
    const enCodes = en.inspector.close.code as Codes;
    const zhCodes = zhCN.inspector.close.code as Codes;
    for (const [code, info] of Object.entries(CLOSE_CODES)) {
      expect(enCodes[code], code).toEqual({ name: info.name, meaning: info.meaning });
      expect(zhCodes[code]?.name?.trim(), code).toBeTruthy();
      expect(zhCodes[code]?.meaning?.trim(), code).toBeTruthy();
    }
    expect(Object.keys(zhCodes).sort()).toEqual(Object.keys(CLOSE_CODES).sort());
  });
});
