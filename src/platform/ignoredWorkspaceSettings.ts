import { loadJsonc } from './load';
import * as vscode from 'vscode';
import type { Logger } from '../shared/logger';
import { ignoredSettingsMessage, machineSettings, machineSettingsIn, type MachineSetting } from '../settings/machineSettings';

/** A settings file bigger than this is not read: no real settings.json comes close. */
const maxSettingsFileBytes = 1024 * 1024;

/**
 * Says once per window, in a notification naming them, which machine settings (a server,
 * a file, a resolver) the open workspace tries to set: they are ignored, and the user
 * should know why the repository's value has no effect. VS Code drops such values before
 * the extension sees them (inspect() shows no workspace value for a dotted key), so the
 * workspace's settings files are read as well.
 */
export class IgnoredWorkspaceSettings implements vscode.Disposable {
  private readonly announced = new Set<MachineSetting>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly section: string,
    private readonly logger: Logger,
  ) {
    const recheck = (): void => this.check();
    const watcher = vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(recheck),
      watcher.onDidChange(recheck),
      vscode.workspace.onDidChangeConfiguration(recheck),
      vscode.workspace.onDidChangeWorkspaceFolders(recheck),
    );
    this.check();
  }

  /** Resolves when the checks started so far are done (for tests). */
  whenChecked(): Promise<void> {
    return this.checking;
  }

  private check(): void {
    this.checking = this.checking.then(() => this.announceNew()).catch((error: unknown) => this.logger.warn('Checking the workspace settings failed', error));
  }

  private async announceNew(): Promise<void> {
    const found = await this.workspaceValues();
    const fresh = machineSettings.filter((name) => found.has(name) && !this.announced.has(name));
    if (fresh.length === 0) return;
    for (const name of fresh) this.announced.add(name);
    const message = ignoredSettingsMessage(this.section, fresh);
    this.logger.warn(message);
    void vscode.window.showWarningMessage(message);
  }

  private async workspaceValues(): Promise<Set<MachineSetting>> {
    const found = new Set<MachineSetting>();
    const config = vscode.workspace.getConfiguration(this.section);
    for (const name of machineSettings) {
      const inspected = config.inspect(name);
      if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) found.add(name);
    }
    const files = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'), settingsOf: (parsed: unknown) => parsed }));
    const workspaceFile = vscode.workspace.workspaceFile;
    if (workspaceFile !== undefined && workspaceFile.scheme !== 'untitled') {
      files.push({ uri: workspaceFile, settingsOf: (parsed: unknown) => (typeof parsed === 'object' && parsed !== null ? (parsed as { settings?: unknown }).settings : undefined) });
    }
    for (const file of files) {
      const parsed = await readJsonc(file.uri);
      for (const name of machineSettingsIn(file.settingsOf(parsed), this.section)) found.add(name);
    }
    return found;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The file's content as JSON with comments, or undefined when it is missing or too big. */
async function readJsonc(uri: vscode.Uri): Promise<unknown> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxSettingsFileBytes) return undefined;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return loadJsonc().parse(text, [], { allowTrailingComma: true, disallowComments: false }) as unknown;
  } catch {
    return undefined;
  }
}
