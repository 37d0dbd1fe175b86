/**
 * The settings that name a host, a file or a resolver. package.json gives each
 * `"scope": "machine"`, so VS Code applies them from the user's own settings only; a
 * repository's `.vscode/settings.json` could otherwise send the user's credentials or
 * probes to a server of its choosing, or make probes trust its certificates.
 * Keep this list and package.json in step (a unit test checks).
 */
export const machineSettings = ['apiBaseUrl', 'probe.caFile', 'probe.resolve', 'dns.servers', 'diagnose.cnameTargets'] as const;

export type MachineSetting = (typeof machineSettings)[number];

/**
 * The other settings that change what is fetched or how it is judged: in Restricted Mode
 * (an untrusted workspace) they apply from the user's settings only. package.json lists
 * them in `capabilities.untrustedWorkspaces.restrictedConfigurations` (a unit test checks).
 */
export const restrictedSettings = ['autoRefreshMinutes', 'expiryWarningDays', 'expiryCriticalDays', 'concurrency', 'notifications'] as const;

export type RestrictedSetting = (typeof restrictedSettings)[number];

/**
 * Which machine settings a parsed workspace settings object carries, in either form
 * VS Code reads: `"cloudflareCertificates.apiBaseUrl": …` or nested objects
 * (`"cloudflareCertificates": { "probe": { "caFile": … } }`).
 */
export function machineSettingsIn(settings: unknown, section: string): MachineSetting[] {
  if (!isRecord(settings)) return [];
  return machineSettings.filter((name) => {
    const parts = [section, ...name.split('.')];
    // Every way of splitting the dotted path into keys: "a.b": {"c": …}, "a": {"b.c": …}, …
    return hasPath(settings, parts);
  });
}

function hasPath(value: unknown, parts: readonly string[]): boolean {
  if (parts.length === 0) return value !== undefined;
  if (!isRecord(value)) return false;
  for (let take = 1; take <= parts.length; take += 1) {
    const key = parts.slice(0, take).join('.');
    if (Object.prototype.hasOwnProperty.call(value, key) && hasPath(value[key], parts.slice(take))) return true;
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The notification naming the machine settings a workspace tried to set. */
export function ignoredSettingsMessage(section: string, names: readonly MachineSetting[]): string {
  const quoted = names.map((name) => `"${section}.${name}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  const them = names.length === 1 ? 'it' : 'them';
  return `This workspace's settings set ${list}. Cloudflare Certificates ignores ${them}: a setting that names a server, a file or a resolver applies only from your user settings.`;
}
