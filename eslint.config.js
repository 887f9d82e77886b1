import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Payloads are hostile: the renderer never injects HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render payloads as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render payloads as HTML.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '**/electron/**'] }],
    },
  },
  {
    // UI text lives in the locale catalogs (renderer/src/i18n/locales), never in a component.
    // Peer data, hex, numbers and code are not UI text: render them through variables.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description'] },
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', '**/renderer/**', '**/electron/**'] }] },
  },
  {
    files: ['electron/engine/**/*.ts'],
    ignores: ['electron/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/renderer/**'] }] },
  },
);
