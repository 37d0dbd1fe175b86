import { diagnoseCommand } from './diagnoseCommand';
import { inventoryCommand } from './inventoryCommand';
import type { CliCommand } from './io';
import { probeCommand } from './probeCommand';
import { simulateCommand } from './simulateCommand';

/**
 * The commands of `cfcerts`, in the order `cfcerts --help` lists them. Each lives in
 * its own file; add one line here to expose it.
 */
export const cliCommands: readonly CliCommand[] = [
  inventoryCommand,
  diagnoseCommand,
  probeCommand,
  simulateCommand,
];
