import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { loadCommands } from './load';
import { CommandIds, type CommandId } from '../platform/commandIds';
import { runCommand } from '../platform/runCommand';
import { lazy } from '../shared/lazy';

/**
 * Registers every command ID at activation, each through runCommand; the handlers'
 * code (registerCommands.ts, dist/commands.js) loads when the first command runs.
 */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers = lazy(() => loadCommands().commandHandlers(context));
  const ids: readonly CommandId[] = Object.values(CommandIds);
  return ids.map((id) => vscode.commands.registerCommand(id, runCommand(id, context.logger, (...args: never[]) => handlers()[id](...args))));
}
