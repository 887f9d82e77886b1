// Monaco's message table is put in place per language; Monaco's lookup (vs/nls.js) reads it by
// number: the find widget's "Find" is message 1019 and the context menu's "Cut" 865 in
// monaco-editor 0.57's build (the e2e monaco-language checks the menus themselves). Switching back
// and forth before Monaco loads must work even though the zh-cn pack, an ES module, runs its
// assignments only once.
import { afterEach, describe, expect, it } from 'vitest';
import { markMonacoLoaded, monacoLanguage, prepareMonacoMessages } from './monaco-messages';

const FIND = 1019;
const CUT = 865;
const table = () => (globalThis as { _VSCODE_NLS_MESSAGES?: string[] })._VSCODE_NLS_MESSAGES;

afterEach(() => prepareMonacoMessages('en'));

describe('Monaco messages', () => {
  it('answers in Chinese after the zh-CN table is prepared', async () => {
    await prepareMonacoMessages('zh-CN');
    expect(table()?.[FIND]).toBe('查找');
    expect(table()?.[CUT]).toBe('剪切');
  });

  it("leaves no table for en (Monaco's built-in English), also after Chinese was prepared", async () => {
    await prepareMonacoMessages('zh-CN');
    await prepareMonacoMessages('en');
    expect(table()).toBeUndefined();
    await prepareMonacoMessages('zh-CN');
    expect(table()?.[CUT]).toBe('剪切');
  });

  it('remembers the language Monaco was loaded in', () => {
    expect(monacoLanguage()).toBeNull();
    markMonacoLoaded('zh-CN');
    expect(monacoLanguage()).toBe('zh-CN');
  });
});
