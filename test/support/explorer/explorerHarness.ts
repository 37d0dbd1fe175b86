import { CloudflareClient, type Credentials } from '../../../src/cloudflare';
import type { AccountProfile } from '../../../src/domain/accounts';
import { systemClock } from '../../../src/shared/clock';
import { ExplorerModel, type ModelChange } from '../../../src/explorer/explorerModel';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import { flattenTree, walkTree, type WalkedItem } from '../../../src/explorer/walkTree';
import { silentLogger } from '../../../src/shared/logger';
import type { ViewOptions } from '../../../src/explorer/viewOptions';
import { literalAccount, serveRoute, type LiteralZone } from '../cloudflare/literalAccount';

export type FlatItem = WalkedItem;

/** An ExplorerModel over real clients, for tests against the simulator. */
export function explorerOver(
  baseUrl: string,
  accounts: { profile: AccountProfile; credentials: Credentials }[],
  /** Told of each model change, as the tree is. */
  onChange?: (change: ModelChange) => void,
): { model: ExplorerModel; changes: () => number; close: () => Promise<void> } {
  const clients = new Map<string, CloudflareClient>();
  let changes = 0;
  const model = new ExplorerModel({
    // A fresh object per call, as AccountStore.list() returns: the model must key on `key`.
    listProfiles: () => accounts.map((account) => ({ ...account.profile })),
    clientFor: (profile) => {
      let client = clients.get(profile.key);
      if (client === undefined) {
        const credentials = accounts.find((account) => account.profile.key === profile.key)?.credentials;
        if (credentials === undefined) throw new Error('no credentials');
        client = new CloudflareClient({ baseUrl, credentials, rateBudget: false, retries: { max: 0 } });
        clients.set(profile.key, client);
      }
      return Promise.resolve(client);
    },
    clock: systemClock,
    logger: silentLogger,
    onDidChange: (change) => {
      changes += 1;
      onChange?.(change);
    },
  });
  return { model, changes: () => changes, close: async () => Promise.all([...clients.values()].map((client) => client.close())).then(() => undefined) };
}

/** Expands every node (loading as VS Code would) and returns the tree in display order, filtered and grouped as `view` says. */
export async function expandAll(model: ExplorerModel, now = Date.now(), depthLimit = 8, view?: ViewOptions): Promise<FlatItem[]> {
  return flattenTree(await walkTree(model, () => ({ model, now, thresholds: { warningDays: 30, criticalDays: 7 }, ...(view === undefined ? {} : { view }) }), depthLimit));
}

export function tokenAccount(token: string, label = 'Test'): { profile: AccountProfile; credentials: Credentials } {
  return { profile: { key: label.toLowerCase(), label, origin: 'stored', authKind: 'token' }, credentials: { kind: 'token', token } };
}

/** The certificate object a tree item stands for (packs, not their certificate rows), tagged as objectHealth wants it. */
export function objectOf(item: FlatItem): CertificateObject | undefined {
  const { node } = item;
  switch (node.type) {
    case 'pack':
      return { kind: 'certificatePack', object: node.pack };
    case 'customCertificate':
      return { kind: 'customCertificate', object: node.certificate };
    case 'customHostname':
      return { kind: 'customHostname', object: node.hostname };
    case 'clientCertificate':
      return { kind: 'clientCertificate', object: node.certificate };
    default:
      return undefined;
  }
}

/** A token only the literal stand-in API serves: fake, never a real credential. */
export const literalToken = 'LITERAL-TEST-TOKEN-not-a-real-cloudflare-token-0001';

/**
 * An ExplorerModel over a stand-in API that serves `zones` as written (see literalAccount),
 * under one account named `label`: for tree tests whose state is spelled out in the test.
 */
export async function explorerOverLiteral(zones: readonly LiteralZone[], label = 'Test'): Promise<{ model: ExplorerModel; changes: () => number; close: () => Promise<void> }> {
  const server = await serveRoute(literalAccount(zones));
  const explorer = explorerOver(server.baseUrl, [tokenAccount(literalToken, label)]);
  return {
    ...explorer,
    close: async () => {
      await explorer.close();
      await server.close();
    },
  };
}
