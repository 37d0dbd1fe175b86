/**
 * A stand-in for the `vscode` module, enough for `activate` to run outside VS Code: every
 * name is there and does nothing. Settings read as unset (their defaults), events never
 * fire, and whatever `activate` creates (views, channels, commands) is inert. The
 * benchmark times loading and activating the bundle, not what VS Code does in reply.
 */

import { readFileSync } from 'node:fs';

type Anything = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

const disposable = { dispose: (): void => undefined };

/** A value that answers every property and call with another such value. */
function anything(name: string): Anything {
  const cache = new Map<string | symbol, unknown>();
  const target = function () {
    return undefined;
  } as unknown as Anything;
  return new Proxy(target, {
    get(_target, key) {
      if (key === 'then' || key === Symbol.toPrimitive || key === Symbol.iterator) return undefined;
      if (key === 'dispose') return disposable.dispose;
      if (!cache.has(key)) cache.set(key, anything(`${name}.${String(key)}`));
      return cache.get(key);
    },
    set(_target, key, value) {
      cache.set(key, value);
      return true;
    },
    apply(_target, _this, args: unknown[]) {
      // `config.get(name, fallback)` and an event's `(listener)` subscription.
      if (name.endsWith('.get')) return args[1];
      if (name.endsWith('.inspect')) return undefined;
      if (name.startsWith('event:') || /\.onDid|\.onWill|\.event$/.test(name)) return disposable;
      return anything(`${name}()`);
    },
    construct(_target, args: unknown[]) {
      return anything(`new ${name}(${args.length})`);
    },
  });
}

class EventEmitter<T> {
  readonly event = (_listener: (value: T) => unknown): typeof disposable => disposable;
  fire(_value: T): void {}
  dispose(): void {}
}

class Disposable {
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

const memento = (): Record<string, unknown> => {
  const values = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: (key: string, value: unknown) => {
      values.set(key, value);
      return Promise.resolve();
    },
    keys: () => [...values.keys()],
    setKeysForSync: () => undefined,
  };
};

class Inert {
  constructor(..._args: unknown[]) {}
}

/** The names the code uses, with stand-ins that behave; every other name of the API follows. */
const used: Record<string, unknown> = {
  version: '1.100.0',
  window: anything('vscode.window'),
  commands: anything('vscode.commands'),
  env: anything('vscode.env'),
  extensions: anything('vscode.extensions'),
  languages: anything('vscode.languages'),
  l10n: anything('vscode.l10n'),
  Uri: anything('vscode.Uri'),
  workspace: Object.assign(anything('vscode.workspace'), {
    isTrusted: true,
    workspaceFolders: undefined,
    workspaceFile: undefined,
    getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback, inspect: () => undefined, has: () => false, update: () => Promise.resolve() }),
  }),
  EventEmitter,
  Disposable,
  TreeItem: Inert,
  ThemeIcon: Inert,
  ThemeColor: Inert,
  MarkdownString: Inert,
  CancellationTokenSource: Inert,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
};

/**
 * Every value name VS Code's API module has (its classes, enums, namespaces and
 * `version`, as @types/vscode declares them, about 200): a bundler's interop copies each
 * one of a module's names (esbuild's __toESM), so a stub holding only the names used would
 * make that copy look cheaper than it is in the extension host.
 */
function apiNames(): string[] {
  const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...declarations.matchAll(/^\texport (?:class|enum|namespace|const|function|let|var) (\w+)/gm)].flatMap((match) => match[1] ?? []);
}

const stub: Record<string, unknown> = { ...Object.fromEntries(apiNames().map((name) => [name, anything(`vscode.${name}`)])), ...used };

export const vscodeStub: unknown = stub;

/** What `activate` is given: storage that lives in memory, paths under a scratch folder. */
export function extensionContext(storagePath: string): unknown {
  const uri = { fsPath: storagePath, path: storagePath, scheme: 'file', toString: () => `file://${storagePath}` };
  return {
    subscriptions: [] as unknown[],
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: () => disposable },
    globalStorageUri: uri,
    storageUri: uri,
    logUri: uri,
    extensionUri: uri,
    extensionPath: storagePath,
    extension: { id: 'cfcerts.cloudflare-certificates', packageJSON: { version: 'bench' } },
    // As installed: the test hooks are not built.
    extensionMode: 1,
  };
}
