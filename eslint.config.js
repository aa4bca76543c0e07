// Lint rules, and the import boundary that keeps shared/ pure: zod and other shared/ files only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Names, chat and every other text reach the page as text nodes (client/ui/dom.ts), never as markup.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Build DOM with h() from client/ui/dom.ts: text is never parsed as HTML.',
        })),
        { object: 'document', property: 'write', message: 'Build DOM with h() from client/ui/dom.ts.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/).*',
              message: 'shared/ is pure: import only zod and other shared/ files.',
            },
            {
              regex: '^\\.\\./\\.\\./(\\.\\./)*(server|client|test|scripts)(/|$)',
              message: 'shared/ must not import from server/, client/, test/ or scripts/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Time is an input: no clock in shared/.' },
        { name: 'process', message: 'shared/ has no Node APIs.' },
        { name: 'window', message: 'shared/ has no browser APIs.' },
        { name: 'document', message: 'shared/ has no browser APIs.' },
        { name: 'fetch', message: 'shared/ does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Draw from the seeded generator in shared/rng.ts.' },
      ],
    },
  },
);
