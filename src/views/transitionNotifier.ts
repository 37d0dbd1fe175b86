import * as vscode from 'vscode';
import { CommandIds } from '../platform/commandIds';
import type { Clock } from '../shared/clock';
import { describeTransition, notifiedId, NotifiedTransitions, planNotifications, type Notice, type NotificationSettings } from '../explorer/notificationPolicy';
import type { ObjectRef } from '../domain/objectRef';
import { detectTransitions, type ObjectsLoaded, type ObjectTransition } from '../explorer/statusChanges';
import type { Logger } from '../shared/logger';
import type { TransitionStore } from '../platform/transitionStore';

const explorerFocusCommand = 'cloudflareCertificates.explorer.focus';

/** After the model goes idle, wait this long for stragglers before announcing a refresh's changes. */
const settleMs = 250;

const buttons = { showDetails: 'Show Details', openInDashboard: 'Open in Dashboard', showExplorer: 'Show Explorer', showLog: 'Show Log' } as const;

export interface TransitionNotifierDependencies {
  readonly store: TransitionStore;
  readonly notificationSettings: () => NotificationSettings;
  /** Resolves when no load is under way: the changes of one refresh are announced together. */
  readonly whenIdle: () => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Hears every load of the explorer model: records its status transitions in history and,
 * once the refresh has finished, shows the notifications the policy asks for.
 */
export class TransitionNotifier implements vscode.Disposable {
  private pending: ObjectTransition[] = [];
  private draining = false;
  private heardMore = false;
  private disposed = false;

  constructor(private readonly deps: TransitionNotifierDependencies) {}

  /** The model's `onObjectsLoaded`. */
  observe(change: ObjectsLoaded): void {
    const recorded = this.deps.store.history.record(detectTransitions(change, this.deps.clock.now()));
    const changes = recorded.filter((transition) => transition.from !== undefined);
    for (const transition of changes) this.deps.logger.info(`Status change: ${describeTransition(transition.object, transition)}`);
    if (changes.length === 0 || this.disposed) return;
    this.pending.push(...changes);
    this.heardMore = true;
    if (!this.draining) {
      this.draining = true;
      void this.drain();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pending = [];
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.disposed) {
        do {
          this.heardMore = false;
          await this.deps.whenIdle();
          await this.deps.clock.sleep(settleMs);
        } while (this.heardMore && !this.disposed);
        await this.announce();
      }
    } catch (error) {
      this.deps.logger.warn('Announcing status changes failed', error);
    } finally {
      // Cleared in the same turn the loop ends, so a change heard right after starts a new drain.
      this.draining = false;
    }
  }

  private async announce(): Promise<void> {
    const transitions = this.pending;
    this.pending = [];
    if (this.disposed) return;
    const now = this.deps.clock.now();
    const settings = this.deps.notificationSettings();
    let plan = planNotifications(transitions, { settings, notified: this.deps.store.notified, now });
    if (plan.remember.length === 0) return;
    // Another window may have seen the same change: only what this one claims is shown.
    const claimed = new Set(await this.deps.store.claimNotified(plan.remember, now));
    if (claimed.size < plan.remember.length) {
      plan = planNotifications(
        transitions.filter((transition) => claimed.has(notifiedId(transition))),
        { settings, notified: new NotifiedTransitions(), now },
      );
    }
    if (this.disposed) return;
    for (const notice of plan.notices) void this.show(notice);
  }

  private async show(notice: Notice): Promise<void> {
    const ref = notice.ref;
    const actions: string[] = ref === undefined ? [buttons.showExplorer, buttons.showLog] : [buttons.showDetails, buttons.openInDashboard];
    // Looked up at call time: tests replace these on vscode.window.
    const choice = notice.tone === 'warning' ? await vscode.window.showWarningMessage(notice.message, ...actions) : await vscode.window.showInformationMessage(notice.message, ...actions);
    switch (choice) {
      case buttons.showDetails:
        return this.run(CommandIds.showDetails, ref);
      case buttons.openInDashboard:
        return this.run(CommandIds.openInDashboard, ref);
      case buttons.showExplorer:
        return this.run(explorerFocusCommand);
      case buttons.showLog:
        return this.run(CommandIds.showLogs);
      default:
        return undefined;
    }
  }

  private async run(command: string, ref?: ObjectRef): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, ...(ref === undefined ? [] : [ref]));
    } catch (error) {
      this.deps.logger.warn(`Running ${command} from a notification failed`, error);
    }
  }
}
