import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, forbidden, ignores = []) => ({
  files: [`${from}/**/*.ts`],
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({
          group: [group],
          message: `Imports run one way: ingest → knowledge ← bot ← server/UI. ${from}/ may not import this.`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'web-widget/dist/**', 'data/**', '.daoban/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      'no-process-env': 'error',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  layer('knowledge', ['**/bot/**', '**/ingest/**', '**/web-widget/**', 'express', 'ws', '**/tests/**']),
  layer('ingest', ['**/bot/**', '**/web-widget/**', 'express', 'ws', '**/tests/**']),
  // The composition root and the CLIs may build the default index with ingest; nothing else in bot/ may.
  layer(
    'bot',
    ['**/ingest/**', '**/web-widget/**', '**/tests/**'],
    ['bot/server/compose.ts', 'bot/cli/*.ts'],
  ),
  {
    files: ['config/settings.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'eval/**/*.ts', '.ci/**'],
    rules: { 'no-process-env': 'off' },
  },
);
