// One lint setup for every workspace: typescript-eslint's recommended rules, plus Svelte's for the web app.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.svelte-kit/**',
      'apps/web/build/**',
      // The built server (npm start builds it from apps/api/src).
      'apps/api/dist/**',
      'apps/api/dist-test-*/**',
      // A bench run's scratch builds.
      'bench/.tmp-*/**',
      // Vendor runtimes copied from node_modules at build time.
      'apps/web/static/pyodide/**',
      'apps/web/static/excalidraw-assets/**',
      // The sandbox worker, bundled from apps/web/src/lib/coding/sandbox at build time.
      'apps/web/static/sandbox/**',
      '.cache/**',
      'data/**',
      // Reference solutions are written as a candidate types them in the editor: scripts, not modules.
      'question-bank/coding/**'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // TypeScript already reports undefined names, including DOM types such as AutoFill.
      'no-undef': 'off',
      // MockLoop is served at the origin's root (no `paths.base`), so plain hrefs are already resolved.
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  }
);
