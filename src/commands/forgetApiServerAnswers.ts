import * as vscode from 'vscode';
import type { CommandContext } from './context';

/** Forgets which API servers the user allowed or refused credentials for; the next request asks again. */
export function forgetApiServerAnswers(context: CommandContext): () => Promise<void> {
  return async () => {
    await context.consent.forget();
    await context.clients.reset();
    context.model.reset();
    void vscode.window.showInformationMessage('Cloudflare Certificates will ask again before sending credentials to an API server other than Cloudflare\'s.');
  };
}
