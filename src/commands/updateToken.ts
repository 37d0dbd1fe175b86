import * as vscode from 'vscode';
import type { Credentials } from '../cloudflare';
import { isAccountToken } from '../cloudflare/credentials';
import { shownAccounts } from '../explorer/accountReach';
import { accountIdInputProblem, globalKeyInputProblem, tokenInputProblem, type AccountProfile } from '../domain/accounts';
import { AppError } from '../shared/appError';
import type { ExplorerNode } from '../explorer/nodes';
import { defuseLinks } from '../shared/markdown';
import type { CommandContext } from './context';
import { ask } from './prompt';
import { verifyCredentials } from './verifyCredentials';

/**
 * "Update Token…" on a stored account: a rotated or renewed token (or global key) takes
 * the old one's place once Cloudflare accepts it, as in Add, and once it is known to
 * reach the Cloudflare accounts the old one showed (or the user says to go on). The
 * account keeps its name and place; its client is rebuilt and its tree reloads.
 */
export function updateToken(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const profile = storedAccount(context, node);
    const current = await context.accounts.credentials(profile);
    const credentials = profile.authKind === 'globalKey' ? await askGlobalKey(profile, current) : await askToken(profile, current);
    const expected = shownAccounts(context.model.account(profile.key));
    const { unreachedAccounts } = await verifyCredentials(context, credentials, expected.keys());
    if (unreachedAccounts.length > 0 && !(await confirmFewerAccounts(profile, unreachedAccounts.map((id) => expected.get(id) ?? id)))) return;
    await context.accounts.replaceCredentials(profile.key, credentials);
    await context.clients.forget(profile.key);
    context.logger.info(`Updated the credentials of "${profile.label}" (key ${profile.key})`);
    void vscode.window.showInformationMessage(defuseLinks(`The ${secretName(profile)} of "${profile.label}" was updated.`));
    await context.model.refresh(profile.key, context.clients.requestBudget());
  };
}

function secretName(profile: AccountProfile): string {
  return profile.authKind === 'globalKey' ? 'global API key' : 'API token';
}

function storedAccount(context: CommandContext, node: ExplorerNode | undefined): AccountProfile {
  const profile = node?.type === 'account' ? context.accounts.list().find((candidate) => candidate.key === node.account) : undefined;
  if (profile === undefined) throw new AppError('not_stored', 'Choose "Update Token…" on an account in the Cloudflare Certificates view.');
  if (profile.origin === 'environment') {
    throw new AppError(
      'environment_account',
      `"${profile.label}" is read from CLOUDFLARE_API_TOKEN (or CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL) in the environment VS Code started from: change the variable there and restart VS Code, or add the new token with "Add API Token…".`,
    );
  }
  return profile;
}

async function askToken(profile: AccountProfile, current: Credentials | undefined): Promise<Credentials> {
  const token = await ask({
    title: `Update the API token of "${profile.label}"`,
    prompt: 'The new token replaces the stored one once Cloudflare accepts it. It needs "Zone: Read" and "SSL and Certificates: Read".',
    password: true,
    placeHolder: 'New API token',
    validateInput: (value) => tokenInputProblem(value) ?? (current?.kind === 'token' && value.trim() === current.token ? 'That is the token already stored.' : undefined),
  });
  // The account scope stays: a replacement reaches the same account, whatever its kind.
  let accountId = profile.accountId;
  if (accountId === undefined && isAccountToken({ kind: 'token', token })) {
    accountId = await ask({ title: 'Account ID for this account token', prompt: 'Account tokens are verified against their account: enter its 32-digit ID (Dashboard → Account home → Account ID).', validateInput: (value) => (value.trim() === '' ? 'An account token needs its account ID.' : accountIdInputProblem(value)) });
  }
  return { kind: 'token', token, ...(accountId === undefined ? {} : { accountId }) };
}

async function askGlobalKey(profile: AccountProfile, current: Credentials | undefined): Promise<Credentials> {
  const email = profile.email ?? (current?.kind === 'globalKey' ? current.email : undefined);
  if (email === undefined) throw new AppError('no_credentials', `The e-mail of "${profile.label}" is not known. Remove the account and add it again.`);
  const key = await ask({
    title: `Update the global API key of "${profile.label}"`,
    prompt: `The new global API key of ${email}; it replaces the stored one once Cloudflare accepts it.`,
    password: true,
    placeHolder: 'New global API key',
    validateInput: (value) => globalKeyInputProblem(value) ?? (current?.kind === 'globalKey' && value.trim() === current.key ? 'That is the key already stored.' : undefined),
  });
  return { kind: 'globalKey', email, key };
}

/** Asks before a replacement that would drop zones from the view. */
async function confirmFewerAccounts(profile: AccountProfile, missing: readonly string[]): Promise<boolean> {
  const useIt = 'Use It Anyway';
  const accounts = missing.length === 1 ? `the Cloudflare account "${missing[0] ?? ''}"` : `the Cloudflare accounts ${missing.map((name) => `"${name}"`).join(', ')}`;
  const choice = await vscode.window.showWarningMessage(
    `The new ${secretName(profile)} does not reach ${accounts}.`,
    { modal: true, detail: `"${profile.label}" showed zones there. With the new ${secretName(profile)} they leave the view; nothing changes at Cloudflare.` },
    useIt,
  );
  return choice === useIt;
}
