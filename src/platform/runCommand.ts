import * as vscode from 'vscode';
import { isCancellation } from '../shared/appError';
import type { Logger } from '../shared/logger';
import { CommandIds } from './commandIds';
import { userMessage } from './userMessage';

/**
 * Wraps every command handler: logs failures with their stack, shows one actionable
 * message with a "Show Logs" button, and stays silent when the user cancelled.
 */
export function runCommand<Args extends unknown[]>(
  id: string,
  logger: Logger,
  handler: (...args: Args) => unknown,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await handler(...args);
    } catch (error) {
      if (isCancellation(error)) {
        logger.debug(`${id}: cancelled`);
        return;
      }
      logger.error(`${id} failed`, error);
      const showLogs = 'Show Logs';
      const choice = await vscode.window.showErrorMessage(userMessage(error), showLogs);
      if (choice === showLogs) {
        await vscode.commands.executeCommand(CommandIds.showLogs);
      }
    }
  };
}
