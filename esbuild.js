// Bundles the extension (node/cjs, vscode external), the webview app (browser/iife)
// and the cfcerts CLI (node/cjs). `--production` minifies; otherwise source maps.
//
// Loaded on first use: heavy code is not in dist/extension.js or dist/cli.js but in
// bundles of its own beside them (dist/cloudflare.js, dist/probe.js, …), which a small
// loader `require()`s the first time its feature is used (src/shared/lazy.ts explains
// the pattern). A `require()` call of one of the entry points in `lazyBundles` becomes
// a `require('./NAME.js')` of that bundle; a top-level `import` of a value from it would
// inline it instead, and the build fails (see checkEagerBundles).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const version = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8')).version;

/**
 * Bundles required on first use: output name (dist/NAME.js) → entry point. The extension
 * loads the bundles without a `cli-` prefix; the CLI loads the one of the command it runs
 * (and any of the others that command loads on demand).
 */
const lazyBundles = {
  cloudflare: 'src/cloudflare/index.ts',
  probe: 'src/probe/index.ts',
  panels: 'src/panels/index.ts',
  diagnose: 'src/diagnose/index.ts',
  lockfile: 'src/shared/storage/fileLock.ts',
  commands: 'src/commands/registerCommands.ts',
  views: 'src/views/panelViews.ts',
  jsonc: 'src/platform/jsonc.ts',
  'cli-inventory': 'src/cli/inventoryCommand.ts',
  'cli-diagnose': 'src/cli/diagnoseCommand.ts',
  'cli-probe': 'src/cli/probeCommand.ts',
  // Only `cfcerts probe --zone` needs the API client (undici): kept out of cli-probe.js.
  'cli-probe-zone': 'src/cli/probeZone.ts',
  // A probe thread of a big fleet (src/cli/workerLane.ts finds it with require.resolve).
  'cli-probe-worker': 'src/cli/probeFleetWorker.ts',
  'cli-simulate': 'src/cli/simulateCommand.ts',
};
const lazyEntries = new Map(Object.entries(lazyBundles).map(([name, entry]) => [path.resolve(__dirname, entry), name]));

/**
 * What the bundles loaded at start (extension.js, cli.js) must never hold: a package or a
 * feature entry that belongs to a bundle loaded on first use, and more than `maxKb`.
 */
const eagerBudget = {
  'dist/extension.js': { maxKb: 160, forbidden: [/^node_modules\/(undici|proper-lockfile|jsonc-parser|dns-packet|@peculiar)\//, /^src\/(cloudflare|probe|diagnose|simulator|cli)\/index\.ts$/, /^src\/panels\/index\.ts$/, /^src\/probe\/(tlsHandshake|probe|probeMany)\.ts$/, /^src\/cloudflare\/(client|transport|proxy)\.ts$/, /^src\/panels\/(lifecycleDocument|probeDocument)\.ts$/, /^src\/commands\/(?!commandRegistry\.ts|load\.ts)[^/]+\.ts$/, /^src\/views\/(probeController|webviewPanels\/(documentPanel|lifecyclePanel|probePanel))\.ts$/] },
  'dist/cli.js': { maxKb: 20, forbidden: [/^node_modules\//, /^src\/(cloudflare|probe|diagnose|simulator|panels)\//, /^src\/cli\/\w+Command\.ts$/] },
  // What every `cfcerts probe HOST` process compiles: the probe, never the API client (only --zone needs it, from cli-probe-zone.js).
  'dist/cli-probe.js': { maxKb: 80, forbidden: [/^node_modules\//, /^src\/(cloudflare|simulator|panels)\//, /^src\/cli\/probeZone\.ts$/] },
};

/** Turns `require()` (or `require.resolve()`) of a lazy entry point into a runtime one of its bundle in dist/. */
const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      // require.resolve() too: a worker thread's file is found that way.
      if (args.kind !== 'require-call' && args.kind !== 'require-resolve') return undefined;
      const base = path.resolve(args.resolveDir, args.path);
      for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
        const name = lazyEntries.get(candidate);
        // Every node bundle sits in dist/ itself, so one relative path serves them all.
        if (name !== undefined) return { path: `./${name}.js`, external: true };
      }
      return undefined;
    });
  },
};

/**
 * One `vscode` module object per bundle. esbuild turns each file's `import * as vscode`
 * into its own `__toESM(require('vscode'))`, which copies every name of VS Code's API
 * (about 200) into a fresh object: in the extension host that is thousands of property
 * definitions per activation. Routing the imports through one virtual module that
 * re-exports `vscode` makes it one copy per bundle.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Prints errors in the shape VS Code's esbuild problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const shared = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

const nodeBundle = {
  ...shared,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's UMD build loads its parts with a require() esbuild cannot follow;
  // its ES module build bundles. (undici has no "module" entry: unaffected.)
  mainFields: ['module', 'main'],
  external: ['vscode'],
  define: { CFCERTS_VERSION: JSON.stringify(version) },
  metafile: true,
  plugins: [...shared.plugins, lazyRequires, vscodeOnce],
};

const targets = [
  { ...nodeBundle, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  ...Object.entries(lazyBundles).map(([name, entry]) => ({ ...nodeBundle, entryPoints: [entry], outfile: `dist/${name}.js` })),
  {
    ...shared,
    entryPoints: ['src/webview/app/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  { ...nodeBundle, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/** Webviews may load local files only from dist/ and media/: the codicon font goes to dist/. */
function copyCodicons() {
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const to = path.join(__dirname, 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

/**
 * Fails the build when a bundle loaded at start holds what belongs to one loaded on first
 * use: the usual cause is a top-level `import { value } from '../cloudflare'` (or a barrel
 * that re-exports one) in code extension.ts or cli/main.ts reaches.
 */
function checkEagerBundles(results) {
  const problems = [];
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile?.outputs ?? {})) {
      const budget = eagerBudget[file];
      if (budget === undefined) continue;
      const kb = output.bytes / 1024;
      if (production && kb > budget.maxKb) problems.push(`${file} is ${kb.toFixed(0)} KB, over its ${budget.maxKb} KB budget.`);
      const reported = new Set();
      for (const input of Object.keys(output.inputs)) {
        // One line per package: its first file found names the import to change.
        const unit = /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
        if (budget.forbidden.some((pattern) => pattern.test(input)) && !reported.has(unit)) {
          reported.add(unit);
          problems.push(`${file} holds ${input}, which is loaded on first use: import only types from it at top level, and its values through its load*() function.${importChain(result.metafile, input)}`);
        }
      }
    }
  }
  if (problems.length > 0) throw new Error(`Bundles loaded at start must stay small:\n  ${problems.join('\n  ')}`);
}

/** Who imports `input`, back to an entry point: what to change to keep it out. */
function importChain(metafile, input) {
  const importers = new Map();
  for (const [file, { imports }] of Object.entries(metafile.inputs)) {
    for (const { path: imported } of imports) if (!importers.has(imported)) importers.set(imported, file);
  }
  const chain = [input];
  for (let current = importers.get(input); current !== undefined && !chain.includes(current); current = importers.get(current)) chain.push(current);
  return `\n    imported by: ${chain.slice(1).join(' ← ')}`;
}

async function main() {
  copyCodicons();
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  checkEagerBundles(results);
  // What each bundle holds, for a look at sizes and at code two bundles both hold.
  if (process.env.CFCERTS_METAFILE) fs.writeFileSync(process.env.CFCERTS_METAFILE, JSON.stringify(results.map((result) => result.metafile).filter(Boolean)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
