// ESLint flat config: typescript-eslint's type-checked rules, plus the project's
// boundaries: the pure folders never import `vscode`. The direction between folders
// and the absence of cycles are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Every folder but the VS Code glue (platform, commands, views, webview) is pure.
const pureFolders = ['shared', 'domain', 'settings', 'cloudflare', 'probe', 'diagnose', 'explorer', 'probing', 'panels', 'simulator', 'cli'].map((folder) => `src/${folder}/**`);

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '**/*.vsix', 'esbuild.js', 'eslint.config.mjs', '.dependency-cruiser.cjs', 'test/lint-fixtures/**', 'src/webview/app/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'This folder is pure: it never imports vscode. Put VS Code glue in src/platform, src/commands, src/views or src/webview.' }],
        },
      ],
    },
  },
  {
    // The CLI, the harness, benchmarks and tests talk to the terminal.
    files: ['src/cli/**', 'test/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
