// ESLint flat config (npm run lint / npm run format). It lives in tests/lint/ because the
// project's top level is fixed; npm runs ESLint from the repository root, so the patterns below
// are relative to the root.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist-*/', 'node_modules/', '.astro/', 'tmp/', '.bench/'], 'parallax/ignores'),
  js.configs.recommended,
  tseslint.configs.recommended,
  // Astro's recommended rules. Its jsx-a11y configs need eslint-plugin-jsx-a11y, which the project
  // does not use: the built pages are checked for accessibility in a real browser (tests/e2e).
  astro.configs.recommended,
  {
    // Config files and scripts in plain JavaScript run in Node. (TypeScript needs no globals
    // list: typescript-eslint turns no-undef off, the compiler checks names.)
    name: 'parallax/node-js',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'parallax/rules',
    rules: {
      // `_`-prefixed names mark deliberately unused parameters and destructured leftovers.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
