import type { Action } from './document';
import type { CertificateObject } from '../domain/objectHealth';
import { canRefreshCustomHostname, canRestartPackValidation } from '../domain/restartable';

/** The toolbar actions of a lifecycle panel; the webview sends these ids back. */
export const LifecycleActionIds = {
  refresh: 'refresh',
  restartValidation: 'restartValidation',
  refreshValidation: 'refreshValidation',
  probe: 'probe',
  diagnose: 'diagnose',
  openInDashboard: 'openInDashboard',
  openApiObject: 'openApiObject',
} as const;

export type LifecycleActionId = (typeof LifecycleActionIds)[keyof typeof LifecycleActionIds];

export function isLifecycleActionId(id: string): id is LifecycleActionId {
  return (Object.values(LifecycleActionIds) as string[]).includes(id);
}

export interface ActionOptions {
  /** False when Cloudflare no longer has the object: nothing to write to or probe. */
  readonly exists: boolean;
  /** The object was diagnosed before: the button runs it again. */
  readonly diagnosed?: boolean;
}

/**
 * What can be done from the panel, by the same rules as the tree's context menu: restart
 * validation where the pack's status allows it, refresh a custom hostname that is not
 * settled, diagnose what DNS and HTTP validate, probe what has hostnames.
 */
export function lifecycleActions(item: CertificateObject, options: ActionOptions): Action[] {
  const actions: Action[] = [{ id: LifecycleActionIds.refresh, label: 'Refresh', icon: 'refresh' }];
  if (options.exists && item.kind === 'certificatePack' && canRestartPackValidation(item.object)) {
    actions.push({ id: LifecycleActionIds.restartValidation, label: 'Restart Validation…', icon: 'debug-restart', primary: true });
  }
  if (options.exists && item.kind === 'customHostname' && canRefreshCustomHostname(item.object)) {
    actions.push({ id: LifecycleActionIds.refreshValidation, label: 'Refresh Validation…', icon: 'debug-restart', primary: true });
  }
  if (options.exists && (item.kind === 'certificatePack' || item.kind === 'customHostname')) {
    actions.push({ id: LifecycleActionIds.diagnose, label: options.diagnosed === true ? 'Diagnose Again' : 'Diagnose', icon: 'pulse' });
  }
  if (options.exists && item.kind !== 'clientCertificate') {
    actions.push({ id: LifecycleActionIds.probe, label: 'Probe', icon: 'plug' });
  }
  actions.push({ id: LifecycleActionIds.openInDashboard, label: 'Open in Dashboard', icon: 'link-external' });
  // The data shown, even of an object Cloudflare no longer has: the last copy known.
  actions.push({ id: LifecycleActionIds.openApiObject, label: 'Open API Object', icon: 'json' });
  return actions;
}
