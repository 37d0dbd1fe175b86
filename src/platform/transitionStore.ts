import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { Logger } from '../shared/logger';
import { NotifiedTransitions } from '../explorer/notificationPolicy';
import { TransitionHistory } from '../explorer/transitionHistory';
import { JsonFile } from './jsonFile';

/**
 * Transition history and the memory of what was notified, kept in files in the
 * extension's global storage so both survive a reload. They change on every refresh that
 * sees a change and the history can reach about a megabyte: see JsonFile for why they
 * stay out of globalState. Saves are coalesced however many zones report at once.
 *
 * Every window shares the files: each save takes in what the others stored first, and
 * a window claims a notification under the file's lock, so only one window shows it.
 */
export class TransitionStore implements vscode.Disposable {
  readonly history: TransitionHistory;
  readonly notified: NotifiedTransitions;
  private readonly subscription: { dispose(): void };
  private readonly historyFile: JsonFile;
  private readonly notifiedFile: JsonFile;

  constructor(
    storageFolder: string,
    private readonly logger: Logger,
  ) {
    this.historyFile = new JsonFile(path.join(storageFolder, 'transition-history.json'), logger);
    this.notifiedFile = new JsonFile(path.join(storageFolder, 'notified-transitions.json'), logger);
    this.history = TransitionHistory.restore(this.historyFile.read(), logger);
    this.notified = NotifiedTransitions.restore(this.notifiedFile.read(), logger);
    this.subscription = this.history.onDidChange(() =>
      this.historyFile.save((stored) => {
        this.history.absorb(stored, this.logger);
        return this.history.toJSON();
      }),
    );
  }

  /**
   * Marks `ids` as notified, and returns those that no window had notified yet: only
   * they may be shown. When the file cannot be written, this window's memory decides.
   */
  async claimNotified(ids: readonly string[], now: number): Promise<string[]> {
    let claimed: string[] | undefined;
    const claim = (): string[] => {
      claimed = ids.filter((id) => !this.notified.has(id, now));
      this.notified.remember(claimed, now);
      return claimed;
    };
    try {
      await this.notifiedFile.update((stored) => {
        this.notified.absorb(stored, this.logger, now);
        claim();
        return this.notified.toJSON();
      });
    } catch {
      // Logged by the file; a notification shown twice beats one never shown.
    }
    return claimed ?? claim();
  }

  /** Resolves once every save asked for so far is on disk (or has failed, logged). */
  async whenSaved(): Promise<void> {
    await Promise.all([this.historyFile.whenSaved(), this.notifiedFile.whenSaved()]);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
