// Lint keeps the process boundaries: a wrong import fails `npm run lint`, not a review.
//   shared/             pure: no electron, no Node built-ins, no better-sqlite3, no DOM or Node globals
//   electron/services/  runs under plain Node (CLI, browser mode): never electron
//   electron/host, cli  plain Node adapters: never electron
//   renderer/           the page: no electron, better-sqlite3, Node built-ins or anything under electron/
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
// Exact names for bare built-ins (a pattern like 'domain' would also match '../domain/x').
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed here.' }));
const noNode = [{ group: ['node:*'], message: 'Node built-ins are not allowed here.' }];
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const noSqlite = {
  name: 'better-sqlite3-multiple-ciphers',
  message: 'SQLite is reached through electron/services only.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, noSqlite, ...noNodePaths], patterns: noNode }],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'XMLHttpRequest',
          'process',
          'require',
          'Buffer',
          '__dirname',
          'console',
        ].map((name) => ({ name, message: 'shared/ is pure: no DOM, Node or console globals.' })),
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli.ts', 'electron/cli-args.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noSqlite, ...noNodePaths],
          patterns: [
            ...noNode,
            {
              group: ['**/electron/**', '**/electron'],
              message: 'The renderer talks to the services through window.api only.',
            },
          ],
        },
      ],
    },
  },
);
