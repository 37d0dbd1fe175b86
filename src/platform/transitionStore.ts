import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { NotifiedTransitions } from '../core/explorer/notificationPolicy';
import { TransitionHistory } from '../core/explorer/transitionHistory';
import { JsonFile } from './jsonFile';

/**
 * Transition history and the memory of what was notified, kept in files in the
 * extension's global storage so both survive a reload. They change on every refresh that
 * sees a change and the history can reach about a megabyte: see JsonFile for why they
 * stay out of globalState. Saves are coalesced however many zones report at once.
 */
export class TransitionStore implements vscode.Disposable {
  readonly history: TransitionHistory;
  readonly notified: NotifiedTransitions;
  private readonly subscription: { dispose(): void };
  private readonly historyFile: JsonFile;
  private readonly notifiedFile: JsonFile;

  constructor(storageFolder: string, logger: Logger) {
    this.historyFile = new JsonFile(path.join(storageFolder, 'transition-history.json'), logger);
    this.notifiedFile = new JsonFile(path.join(storageFolder, 'notified-transitions.json'), logger);
    this.history = TransitionHistory.restore(this.historyFile.read(), logger);
    this.notified = NotifiedTransitions.restore(this.notifiedFile.read(), logger);
    this.subscription = this.history.onDidChange(() => this.historyFile.save(() => this.history.toJSON()));
  }

  /** Call after `notified.remember(…)`. */
  notifiedChanged(): void {
    this.notifiedFile.save(() => this.notified.toJSON());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
