import * as vscode from 'vscode';
import { maxFilterLength } from '../explorer/viewOptions';
import { explorerViewId } from '../views/explorerProvider';
import type { CommandContext } from './context';


/** Asks for the filter text, prefilled with the current one; an empty answer clears it. */
export function filter(context: CommandContext): () => Promise<void> {
  return async () => {
    const text = await vscode.window.showInputBox({
      title: 'Filter certificates',
      prompt: 'Show the certificates, custom hostnames and zones whose names contain this text. Leave it empty to show everything.',
      placeHolder: 'e.g. shop.example.com',
      value: context.viewOptions.get().text,
      validateInput: (value) => (value.trim().length > maxFilterLength ? `At most ${maxFilterLength} characters.` : undefined),
    });
    if (text === undefined) return;
    await context.viewOptions.update({ text });
  };
}

/** Clears the text filter and "show only problems" together: the view shows everything again. */
export function clearFilter(context: CommandContext): () => Promise<void> {
  return () => context.viewOptions.update({ text: '', problemsOnly: false });
}

export function showOnlyProblems(context: CommandContext): () => Promise<void> {
  return () => context.viewOptions.update({ problemsOnly: true });
}

export function showAllCertificates(context: CommandContext): () => Promise<void> {
  return () => context.viewOptions.update({ problemsOnly: false });
}

export function groupByZone(context: CommandContext): () => Promise<void> {
  return () => context.viewOptions.update({ groupBy: 'zone' });
}

export function groupByStatus(context: CommandContext): () => Promise<void> {
  return () => context.viewOptions.update({ groupBy: 'status' });
}

/**
 * What the status bar item runs: the view, revealed, with every problem and nothing else.
 * The text filter goes, since the status bar counted every problem, not the filtered ones.
 */
export function showProblems(context: CommandContext): () => Promise<void> {
  return async () => {
    await context.viewOptions.update({ text: '', problemsOnly: true });
    await vscode.commands.executeCommand(`${explorerViewId}.focus`);
  };
}
