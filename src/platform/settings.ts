import * as vscode from 'vscode';
import { defaultBaseUrl } from '../cloudflare/baseUrl';
import { defaultNotificationSettings, notificationCategories, type NotificationSettings } from '../explorer/notificationPolicy';
import { parseResolveRules, type ResolveRule } from '../probe/resolveRules';
import { lazy } from '../shared/lazy';
import { maskUrl } from '../shared/maskUrl';
import { nodeDns } from '../shared/nodeModules';
import { autoRefreshMinutes } from '../settings/autoRefreshMinutes';
import type { MachineSetting, RestrictedSetting } from '../settings/machineSettings';
import { readCnameTargets } from '../settings/cnameTargets';
import { readDnsServers, type DnsServer } from '../settings/dnsServers';

export interface Settings {
  readonly apiBaseUrl: string;
  readonly autoRefreshMinutes: number;
  readonly expiryWarningDays: number;
  readonly expiryCriticalDays: number;
  readonly concurrency: number;
  /** Which status changes show a notification. */
  readonly notifications: NotificationSettings;
  /** A PEM file of extra trusted roots for probes ('' for none), like `cfcerts probe --ca`. */
  readonly probeCaFile: string;
  /** Where probes (and diagnoses' HTTP fetches) connect instead of DNS, like curl's --resolve; a key may name the destination port. */
  readonly probeResolve: readonly ResolveRule[];
  /** The DNS servers diagnoses ask: the setting's, else the system's. */
  readonly dnsServers: readonly DnsServer[];
  /** Per SaaS zone (canonical name), other names its custom hostnames may CNAME to. */
  readonly cnameTargets: ReadonlyMap<string, readonly string[]>;
}

export const settingsSection = 'cloudflareCertificates';

/** Reads the settings, falling back to the defaults (with a reason) for values that make no sense. */
export function readSettings(onProblem: (message: string) => void = () => undefined): Settings {
  const config = vscode.workspace.getConfiguration(settingsSection);
  const given = textSetting(machineValue(config, 'apiBaseUrl'));
  const apiBaseUrl = (given === '' ? defaultBaseUrl : given).replace(/\/+$/, '');
  const validUrl = /^https?:\/\/[^\s/]+/i.test(apiBaseUrl);
  if (!validUrl) onProblem(`cloudflareCertificates.apiBaseUrl "${maskUrl(apiBaseUrl)}" is not an http(s) URL; using ${defaultBaseUrl}.`);
  const bounded = (name: RestrictedSetting, fallback: number, min: number, max: number): number => {
    const value = restrictedValue(config, name) ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      onProblem(`cloudflareCertificates.${name} must be between ${min} and ${max}; using ${fallback}.`);
      return fallback;
    }
    return value;
  };
  const refresh = autoRefreshMinutes(restrictedValue(config, 'autoRefreshMinutes'));
  if (refresh.problem !== undefined) onProblem(refresh.problem);
  // Only a diagnosis asks DNS servers, and checking them loads node:net (isIP): read with
  // the first diagnosis rather than in every activation; its problems are logged then.
  const dnsServers = lazy(() => readDnsServers(machineValue(config, 'dns.servers'), nodeDns().getServers(), onProblem));
  return {
    apiBaseUrl: validUrl ? apiBaseUrl : defaultBaseUrl,
    autoRefreshMinutes: refresh.value,
    expiryWarningDays: bounded('expiryWarningDays', 30, 1, 365),
    expiryCriticalDays: bounded('expiryCriticalDays', 7, 0, 365),
    concurrency: bounded('concurrency', 8, 1, 32),
    notifications: readNotifications(restrictedValue(config, 'notifications'), onProblem),
    probeCaFile: textSetting(machineValue(config, 'probe.caFile')),
    probeResolve: parseResolveRules(machineValue(config, 'probe.resolve'), onProblem),
    get dnsServers() {
      return dnsServers();
    },
    cnameTargets: readCnameTargets(machineValue(config, 'diagnose.cnameTargets'), onProblem),
  };
}

/**
 * A machine-scoped setting from the user's settings (local or, in a remote window, the
 * remote machine's) or its default; never from a workspace. VS Code already drops
 * workspace values of machine settings, but only those written as one dotted key:
 * reading the user's value alone holds whatever form the workspace file takes.
 */
function machineValue(config: vscode.WorkspaceConfiguration, name: MachineSetting): unknown {
  const inspected = config.inspect<unknown>(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/**
 * A setting listed in `restrictedConfigurations`: in an untrusted workspace, the user's
 * value or the default only. VS Code's Restricted Mode filter, like its machine scope,
 * misses values a workspace writes as nested objects; this does not.
 */
function restrictedValue(config: vscode.WorkspaceConfiguration, name: RestrictedSetting): unknown {
  if (vscode.workspace.isTrusted) return config.get<unknown>(name);
  const inspected = config.inspect<unknown>(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** Each category as set when it is a boolean, its default otherwise; unknown keys are ignored. */
function readNotifications(value: unknown, onProblem: (message: string) => void): NotificationSettings {
  if (value === undefined || value === null) return defaultNotificationSettings;
  if (typeof value !== 'object' || Array.isArray(value)) {
    onProblem('cloudflareCertificates.notifications must be an object of true/false switches; using the defaults.');
    return defaultNotificationSettings;
  }
  const given = value as Record<string, unknown>;
  const entries = notificationCategories.map((category) => {
    const setting = Object.prototype.hasOwnProperty.call(given, category) ? given[category] : undefined;
    if (setting === undefined || typeof setting === 'boolean') return [category, setting ?? defaultNotificationSettings[category]] as const;
    onProblem(`cloudflareCertificates.notifications.${category} must be true or false; using ${defaultNotificationSettings[category]}.`);
    return [category, defaultNotificationSettings[category]] as const;
  });
  return Object.fromEntries(entries) as Record<(typeof notificationCategories)[number], boolean>;
}

/** A string setting trimmed; anything else (a hand-edited settings.json) counts as unset. */
function textSetting(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
