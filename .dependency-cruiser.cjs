// The direction between the folders of src/, checked by `npm run lint` (dependency-cruiser).
// A folder imports only the folders listed under it; a lower folder never imports a
// higher one. Type-only imports count (tsPreCompilationDeps): a type tangles two concepts
// as much as a call does. test/lint-fixtures/ holds a wrong-way import and a cycle that
// these rules must report (test/lint-fixtures/selfTest.mjs); README.md "Architecture"
// draws the same picture.

/** The pure layers, lowest first: each may import any layer before it, never a peer. */
const pureLayers = [
  ['shared'], // errors, clock, logger, markdown, storage, terminal text
  ['cloudflare', 'probe'], // the API client; the TLS probe library
  ['domain'], // the status catalog, lifecycle, expiry, object references, health
  ['settings', 'diagnose', 'explorer'], // setting rules; diagnose checks; the explorer model
  ['probing'], // probe plans from API data, probe results
  ['panels'], // the panel document model
  ['webview'], // the renderer and protocol of that document (no vscode, runs in the webview)
];

const below = (layers, index) => layers.slice(0, index).flat();
const pureChain = pureLayers.flat();

/** Who may import what, folder by folder (extension.ts stands at the top, for the file src/extension.ts). */
const allowed = {
  ...Object.fromEntries(pureLayers.flatMap((layer, index) => layer.map((folder) => [folder, below(pureLayers, index)]))),
  // Tools built on the library: any pure folder but the webview; the CLI runs the simulator.
  simulator: pureChain.filter((folder) => folder !== 'webview'),
  cli: [...pureChain.filter((folder) => folder !== 'webview'), 'simulator'],
  // The VS Code glue, lowest first, above every pure layer.
  platform: pureChain,
  views: [...pureChain, 'platform'],
  commands: [...pureChain, 'platform', 'views'],
};

const folderRules = Object.entries(allowed).map(([folder, imports]) => ({
  name: `${folder}-direction`,
  severity: 'error',
  comment: `src/${folder} imports only ${imports.length === 0 ? 'itself' : imports.map((name) => `src/${name}`).join(', ')}.`,
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...imports].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...folderRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type-only ones included: a cycle makes two concepts one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-tests',
      severity: 'error',
      comment: 'Tests and benchmarks use src/, never the other way round.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is an import it cannot check.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixtures break the rules on purpose; selfTest.mjs checks them on its own.
    // esbuild.js is the build script, not a module: bare 'esbuild' resolves to it here.
    exclude: { path: ['^test/lint-fixtures/', '^esbuild\\.js$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
  },
};
