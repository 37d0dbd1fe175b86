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
    // Loaded on first use (src/shared/lazy.ts): outside their own folder, the heavy
    // features' barrels give types only; their values come through load*() functions.
    // (The CLI's commands and the simulator run in bundles of their own; cli.js's own
    // budget in esbuild.js keeps main.ts and commands.ts small.)
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/simulator/**', 'src/diagnose/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cloudflare|probe|panels|diagnose)(/index)?$',
              allowTypeImports: true,
              message: 'A top-level value import of a heavy feature loads it at activation and at every CLI start. Import types only; reach values through loadCloudflare() / loadProbe() / loadPanels() / loadDiagnose() (src/shared/lazy.ts), or import a small leaf file directly.',
            },
          ],
        },
      ],
    },
  },
  {
    // The loaders: the one place a require() is how code is loaded (src/shared/lazy.ts).
    files: ['src/**/load.ts', 'src/cli/commands.ts', 'src/shared/nodeModules.ts', 'bench/activation/child.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The CLI, the harness, benchmarks and tests talk to the terminal.
    files: ['src/cli/**', 'test/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
