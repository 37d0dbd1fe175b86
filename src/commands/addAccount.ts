import * as vscode from 'vscode';
import type { Credentials } from '../cloudflare';
import { accountIdInputProblem, emailInputProblem, globalKeyInputProblem, tokenInputProblem } from '../domain/accounts';
import { defuseLinks } from '../shared/markdown';
import type { CommandContext } from './context';
import { ask } from './prompt';
import { verifyCredentials } from './verifyCredentials';

/** Verifies, names and stores credentials; only verified credentials reach SecretStorage. */
async function verifyAndStore(context: CommandContext, credentials: Credentials): Promise<void> {
  const { suggestedLabel } = await verifyCredentials(context, credentials);
  const label = await ask({ title: 'Name this account', prompt: 'Shown at the top of the Cloudflare Certificates view.', value: suggestedLabel, validateInput: (value) => (value.trim() === '' ? 'Enter a name.' : undefined) });
  const profile = await context.accounts.add(label, credentials);
  await context.clients.forget(profile.key);
  context.logger.info(`Added account "${label}" (${profile.authKind}, key ${profile.key})`);
  void vscode.window.showInformationMessage(defuseLinks(`Cloudflare account "${label}" added.`));
}

/** "Cloudflare: Add API Token…": user tokens, and account tokens (`cfat_…`) with their account ID. */
export function addApiToken(context: CommandContext): () => Promise<void> {
  return async () => {
    const token = await ask({ title: 'Add a Cloudflare API token', prompt: 'Needs "Zone: Read" and "SSL and Certificates: Read" (and "SSL and Certificates: Write" to restart validation).', password: true, placeHolder: 'API token', validateInput: tokenInputProblem });
    let accountId: string | undefined;
    if (token.startsWith('cfat_')) {
      accountId = await ask({ title: 'Account ID for this account token', prompt: 'Account tokens are verified against their account: enter its 32-digit ID (Dashboard → Account home → Account ID).', validateInput: (value) => (value.trim() === '' ? 'An account token needs its account ID.' : accountIdInputProblem(value)) });
    }
    await verifyAndStore(context, { kind: 'token', token, ...(accountId === undefined ? {} : { accountId }) });
  };
}

/** "Cloudflare: Add Global API Key…": the legacy key, with the user's e-mail. */
export function addGlobalApiKey(context: CommandContext): () => Promise<void> {
  return async () => {
    const email = await ask({ title: 'Add a Cloudflare global API key (1/2)', prompt: 'The e-mail address of the Cloudflare user.', placeHolder: 'you@example.com', validateInput: emailInputProblem });
    const key = await ask({ title: 'Add a Cloudflare global API key (2/2)', prompt: 'API tokens are safer: a global key can do everything the user can.', password: true, placeHolder: 'Global API key', validateInput: globalKeyInputProblem });
    await verifyAndStore(context, { kind: 'globalKey', email, key });
  };
}
