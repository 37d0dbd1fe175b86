import * as vscode from 'vscode';
import type { Credentials } from '../cloudflare';
import { credentialsFromEnvironment, secretFingerprint, type AccountProfile } from '../domain/accounts';
import { AppError } from '../shared/appError';

const profilesKey = 'cloudflareCertificates.accounts';
const secretKey = (key: string): string => `cloudflareCertificates.credentials.${key}`;
const secretOf = (credentials: Credentials): string => (credentials.kind === 'token' ? credentials.token : `${credentials.email}:${credentials.key}`);

/** What a profile says of its credentials (never the secret itself). */
function profileFor(key: string, label: string, credentials: Credentials): AccountProfile {
  return {
    key,
    label,
    origin: 'stored',
    authKind: credentials.kind,
    ...(credentials.kind === 'token' && credentials.accountId !== undefined ? { accountId: credentials.accountId } : {}),
    ...(credentials.kind === 'globalKey' ? { email: credentials.email } : {}),
  };
}

/**
 * The accounts the explorer shows: the one from the environment (if any) and the stored
 * ones. Profiles (no secrets) live in globalState; credentials only in SecretStorage.
 */
export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  list(): AccountProfile[] {
    const fromEnvironment = credentialsFromEnvironment(this.env);
    return [...(fromEnvironment === undefined ? [] : [fromEnvironment.profile]), ...this.storedProfiles()];
  }

  async credentials(profile: AccountProfile): Promise<Credentials | undefined> {
    if (profile.origin === 'environment') {
      return credentialsFromEnvironment(this.env)?.credentials;
    }
    const stored = await this.secrets.get(secretKey(profile.key));
    return stored === undefined ? undefined : (JSON.parse(stored) as Credentials);
  }

  /** Stores verified credentials; the same secret stored twice replaces the older entry. */
  async add(label: string, credentials: Credentials): Promise<AccountProfile> {
    const profile = profileFor(secretFingerprint(secretOf(credentials)), label, credentials);
    await this.secrets.store(secretKey(profile.key), JSON.stringify(credentials));
    await this.state.update(profilesKey, [...this.storedProfiles().filter((existing) => existing.key !== profile.key), profile]);
    this.changed.fire();
    return profile;
  }

  /**
   * Puts verified new credentials under a stored account. It keeps its key, name and
   * place, so the tree keeps its shape: from here on the key names the account, not the
   * secret. Credentials already stored as another account are refused.
   */
  async replaceCredentials(key: string, credentials: Credentials): Promise<AccountProfile> {
    const profiles = this.storedProfiles();
    const existing = profiles.find((profile) => profile.key === key);
    if (existing === undefined) throw new AppError('not_stored', 'That account is no longer stored in VS Code.');
    const fingerprint = secretFingerprint(secretOf(credentials));
    const twin = profiles.find((profile) => profile.key !== key && profile.key === fingerprint);
    if (twin !== undefined) throw new AppError('duplicate_account', `These credentials are already stored as "${twin.label}".`);
    const updated = profileFor(key, existing.label, credentials);
    await this.secrets.store(secretKey(key), JSON.stringify(credentials));
    await this.state.update(profilesKey, profiles.map((profile) => (profile.key === key ? updated : profile)));
    this.changed.fire();
    return updated;
  }

  async rename(key: string, label: string): Promise<void> {
    await this.state.update(profilesKey, this.storedProfiles().map((profile) => (profile.key === key ? { ...profile, label } : profile)));
    this.changed.fire();
  }

  async remove(key: string): Promise<void> {
    await this.secrets.delete(secretKey(key));
    await this.state.update(profilesKey, this.storedProfiles().filter((profile) => profile.key !== key));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private storedProfiles(): AccountProfile[] {
    return this.state.get<AccountProfile[]>(profilesKey, []);
  }
}
