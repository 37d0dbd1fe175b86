import type * as DiagnoseCommand from './diagnoseCommand';
import type * as InventoryCommand from './inventoryCommand';
import type { CliCommand } from './io';
import type * as ProbeCommand from './probeCommand';
import type * as SimulateCommand from './simulateCommand';
import { lazy } from '../shared/lazy';

/** A command as `cfcerts --help` lists it; its code loads only when it runs (see src/shared/lazy.ts). */
export interface CliCommandEntry {
  readonly name: string;
  /** The same words as the command's own `summary` (a unit test holds them together). */
  readonly summary: string;
  /** The command, from its own bundle (dist/cli-NAME.js) the first time it is asked for. */
  readonly load: () => CliCommand;
}

/**
 * The commands of `cfcerts`, in the order `cfcerts --help` lists them. Each lives in its
 * own file and bundle; add one entry here (and one in esbuild.js's `lazyBundles`) to
 * expose it. Only a `require` here: an `import` of a command would put its code, and
 * everything it imports, into every start of the CLI.
 */
export const cliCommands: readonly CliCommandEntry[] = [
  {
    name: 'inventory',
    summary: 'List every certificate object of the account, with its status',
    load: lazy(() => (require('./inventoryCommand') as typeof InventoryCommand).inventoryCommand),
  },
  {
    name: 'diagnose',
    summary: 'Explain why certificates and custom hostnames are stuck, from live DNS and HTTP',
    load: lazy(() => (require('./diagnoseCommand') as typeof DiagnoseCommand).diagnoseCommand),
  },
  {
    name: 'probe',
    summary: 'Show the certificate a TLS endpoint serves for a name, with a verdict; many names, or a zone against the API',
    load: lazy(() => (require('./probeCommand') as typeof ProbeCommand).probeCommand),
  },
  {
    name: 'simulate',
    summary: 'Run a local Cloudflare API and TLS edge simulator (demo, tests, benchmarks).',
    load: lazy(() => (require('./simulateCommand') as typeof SimulateCommand).simulateCommand),
  },
];
