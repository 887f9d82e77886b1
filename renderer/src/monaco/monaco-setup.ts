// The parts of Monaco the crafter uses, and nothing else: the core editor, the JSON language
// (validation and formatting run in its worker), our hex grammar, and the editing features people
// expect (find, folding, hover for errors, bracket matching, comments, clipboard, context menu).
// Loaded lazily by load-monaco.ts, so the rest of the app never waits for it.
import './monaco-environment';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { registerHexLanguage } from './hex-language';

// Strict JSON: payloads go to a peer's JSON.parse, which knows neither comments nor trailing commas.
jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, trailingCommas: 'error', comments: 'error', enableSchemaRequest: false });
registerHexLanguage(monaco);

export { monaco };
