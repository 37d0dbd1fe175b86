/**
 * One measurement, in a fresh process: `child.js extension DIST_EXTENSION STORAGE` loads
 * and activates the extension bundle (with a stub `vscode`); with a fourth argument, the
 * time to load that bundle afterwards (its first use in an activated window) instead;
 * `child.js module FILE` loads one bundle. Prints the milliseconds taken as JSON on stdout.
 */
import Module = require('node:module');
import { extensionContext, vscodeStub } from './vscodeStub';

interface ModuleInternals {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const [mode, file, storage, later] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: child.js extension|module FILE [STORAGE]');

let elapsed: number;
if (mode === 'extension') {
  // Only the bundle's own `require('vscode')` sees the stub; it is built before the clock starts.
  const internals = Module as unknown as ModuleInternals;
  const load = internals._load.bind(Module);
  internals._load = (request, parent, isMain) => (request === 'vscode' ? vscodeStub : load(request, parent, isMain));
  const context = extensionContext(storage ?? process.cwd());
  const started = performance.now();
  const extension = require(file) as { activate(context: unknown): unknown };
  extension.activate(context);
  elapsed = performance.now() - started;
  if (later !== undefined) {
    const laterStarted = performance.now();
    require(later);
    elapsed = performance.now() - laterStarted;
  }
} else {
  const started = performance.now();
  require(file);
  elapsed = performance.now() - started;
}
process.stdout.write(`${JSON.stringify({ ms: elapsed })}\n`);
// Timers a real activation starts (auto-refresh) would keep the process alive.
process.exit(0);
