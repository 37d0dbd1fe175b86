import * as vscode from 'vscode';
import type { Credentials } from '../cloudflare';
import { unreachedAccounts } from '../explorer/accountReach';
import type { CommandContext } from './context';

export interface VerifiedCredentials {
  /** The account's name when the token may read it. */
  readonly suggestedLabel: string;
  /** Those of the expected accounts the credentials cannot reach. */
  readonly unreachedAccounts: readonly string[];
}

/**
 * Verifies credentials against the API before anything is stored, with progress, and
 * suggests a label. When replacing credentials, `expectedAccounts` are the Cloudflare
 * accounts the old ones showed: the answer says which of them the new ones miss.
 */
export async function verifyCredentials(context: CommandContext, credentials: Credentials, expectedAccounts: Iterable<string> = []): Promise<VerifiedCredentials> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking the credentials with Cloudflare…', cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    // Asks for consent to the API server first; the check counts in the user's rate budget, like every other request.
    const client = await context.clients.transientClient(credentials, controller.signal);
    try {
      await client.verifyToken(controller.signal);
      const accounts = await client.listAccounts(controller.signal).catch(() => []);
      const named = accounts.find((account) => (credentials.kind === 'token' && credentials.accountId !== undefined ? account.id === credentials.accountId : true) && account.name);
      const fallback = credentials.kind === 'globalKey' ? credentials.email : 'Cloudflare';
      return { suggestedLabel: named?.name ?? fallback, unreachedAccounts: await unreachedAccounts(client, expectedAccounts, accounts, controller.signal) };
    } finally {
      await client.close();
    }
  });
}
