import * as vscode from 'vscode';
import type { CommandContext } from './context';

/** The walkthrough's id in package.json (`contributes.walkthroughs`); VS Code prefixes it with the extension's id. */
export const walkthroughId = 'getStarted';

/** "Get Started": the walkthrough, from the palette, the view's `…` menu and its welcome content. */
export function openWalkthrough(context: CommandContext): () => Promise<void> {
  return async () => {
    const extensionId = context.extensionId;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${walkthroughId}`, false);
  };
}
