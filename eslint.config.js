// Lint rules, and the import boundaries: shared/ is pure (zod and other shared/ files only), its
// model imports no rules, and client/ and server/ never import each other (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What shared/ may not import: anything but zod and shared/ itself. */
const SHARED_PATTERNS = [
  { regex: '^(?!zod$|\\.{1,2}/).*', message: 'shared/ is pure: import only zod and other shared/ files.' },
  {
    regex: '^\\.\\./\\.\\./(\\.\\./)*(server|client|test|scripts)(/|$)',
    message: 'shared/ must not import from server/, client/, test/ or scripts/.',
  },
];

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
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+server(/|$)', message: 'client/ talks to server/ over the wire only.' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+client(/|$)', message: 'server/ must not import from client/.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: SHARED_PATTERNS }],
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
  {
    // The model is the data the rules work on: it never depends on the rules.
    files: ['shared/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SHARED_PATTERNS,
            { regex: '^\\.\\./(rules|bots|sim|view|record)(/|$)', message: 'shared/model imports no rules.' },
          ],
        },
      ],
    },
  },
);
