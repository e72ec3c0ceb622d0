import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const config = tseslint.config(
  { ignores: ['bench/scratch/**', 'bench/out/**', 'artifacts/**', 'dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'src/standard/generated/**', 'src/web/bundle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The core is isomorphic: Node built-ins only in adapters, scripts, tests and benchmarks.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/http/**', 'src/node/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'worker_threads', 'os', 'child_process'], message: 'The core runs in browsers too: Node built-ins only in adapters.' }] }],
    },
  },
);

// ESLint reads the default export of its flat config.
// eslint-disable-next-line no-restricted-syntax
export default config;
