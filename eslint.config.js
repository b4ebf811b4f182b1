// Lint enforces which way the code points (STYLE.md): shared imports nothing of ours and no
// runtime API; renderer features never import each other; renderer, electron and server never
// import one another. A rule here replaces a review comment.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const featureNames = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureIsolation = featureNames.map((feature) => ({
  target: `./renderer/src/features/${feature}`,
  from: './renderer/src/features',
  except: [`./${feature}`],
  message: 'Features do not import each other; they meet in renderer/src/app.',
}));

const runtimeSeparation = [
  { target: './shared', from: ['./renderer', './server', './electron', './e2e', './bench'], message: 'shared/ imports nothing of ours.' },
  { target: './renderer', from: ['./server', './electron'], message: 'The renderer talks to electron only through the DeskBridge, and to the server only over HTTP.' },
  { target: './electron', from: ['./renderer', './server'], message: 'electron/ may import shared/ only.' },
  { target: './server', from: ['./renderer', './electron'], message: 'server/ may import shared/ only.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'server/node_modules/**', '.tmp/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Cycles and layers concern our own code; never parse the dependencies' bundles.
      'import-x/ignore': ['node_modules'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...runtimeSeparation, ...featureIsolation] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain core runs on the desk, the server and in reports: no runtime APIs, no UI, no storage.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto', 'os'], message: 'shared/ uses no Node API.' },
          { group: ['react', 'react-dom', 'dexie', 'electron', 'fastify', 'pg', '@electric-sql/*', 'zustand'], message: 'shared/ depends on zod only.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);
