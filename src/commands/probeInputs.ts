import * as vscode from 'vscode';
import { dismissed } from '../shared/appError';
import { connectInputProblem } from '../probing/hostInput';
import type { RecentProbe } from '../probing/recentProbes';
import { verdictLabel } from '../probing/verdictPresentation';

export interface ValidatedInputOptions {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly step?: number;
  readonly totalSteps?: number;
  /** Why the text cannot be used, or undefined; shown as the user types. */
  readonly validate: (value: string) => string | undefined;
  /** What a valid text will do, shown in place of the prompt ("Probes … on port 8443."). */
  readonly describe?: (value: string) => string | undefined;
  /** Said when Enter is pressed on an empty box; undefined accepts an empty text. */
  readonly required?: string;
}

/**
 * An input box checked as the user types (an empty box says nothing until Enter). Resolves
 * with the trimmed text; a dismissed box rejects as a cancellation, which stays silent.
 */
export function validatedInput(options: ValidatedInputOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const box = vscode.window.createInputBox();
    let accepted = false;
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.step = options.step;
    box.totalSteps = options.totalSteps;
    box.ignoreFocusOut = true;
    const check = (value: string): void => {
      box.validationMessage = value.trim() === '' ? undefined : options.validate(value);
      box.prompt = (box.validationMessage === undefined ? options.describe?.(value) : undefined) ?? options.prompt;
    };
    const subscriptions = [
      box.onDidChangeValue(check),
      box.onDidAccept(() => {
        const value = box.value.trim();
        const problem = value === '' ? options.required : options.validate(value);
        if (problem !== undefined) {
          box.validationMessage = problem;
          return;
        }
        accepted = true;
        resolve(value);
        box.hide();
      }),
      box.onDidHide(() => {
        for (const subscription of subscriptions) subscription.dispose();
        box.dispose();
        if (!accepted) reject(dismissed());
      }),
    ];
    check(box.value);
    box.show();
  });
}

interface RecentItem extends vscode.QuickPickItem {
  readonly choice: { readonly kind: 'recent'; readonly probe: RecentProbe } | { readonly kind: 'new' } | { readonly kind: 'clear' };
}

export type RecentChoice = RecentItem['choice'];

/** The recent probes first, each to probe again, then "New Probe…" and "Clear Recent Probes". */
export async function pickRecentProbe(recent: readonly RecentProbe[]): Promise<RecentChoice> {
  const items: RecentItem[] = [
    { label: 'Recent', kind: vscode.QuickPickItemKind.Separator, choice: { kind: 'new' } },
    ...recent.map(
      (probe): RecentItem => ({
        label: `$(history) ${probe.servername}`,
        description: probe.connect === undefined ? 'probe again' : `via ${probe.connect} · probe again`,
        detail: probe.verdict === undefined ? undefined : `Last: ${verdictLabel(probe.verdict)}, ${new Date(probe.at).toLocaleString()}`,
        choice: { kind: 'recent', probe },
      }),
    ),
    { label: '', kind: vscode.QuickPickItemKind.Separator, choice: { kind: 'new' } },
    { label: '$(add) New Probe…', description: 'type a hostname', choice: { kind: 'new' } },
    { label: '$(clear-all) Clear Recent Probes', choice: { kind: 'clear' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Probe Hostname', placeHolder: 'Probe a recent hostname again, or a new one', matchOnDescription: true });
  if (picked === undefined) throw dismissed();
  return picked.choice;
}

export interface ConnectChoice {
  readonly connect?: string;
  readonly connectLabel?: string;
  /** Set when a CNAME target was typed: remembered for the zone. */
  readonly typed?: string;
}

interface ConnectItem extends vscode.QuickPickItem {
  readonly choice: ConnectChoice | 'type';
}

/**
 * Where a custom hostname's probe connects (the SNI stays the hostname): its own DNS, the
 * zone's fallback origin or a CNAME target, so it works before the customer's DNS points
 * to Cloudflare.
 */
export async function pickConnectTarget(hostname: string, fallbackOrigin: string | undefined, lastCname: string | undefined): Promise<ConnectChoice> {
  const items: ConnectItem[] = [
    { label: "$(globe) The hostname's own DNS", description: hostname, detail: "What visitors reach once the customer's DNS points to Cloudflare.", choice: {} },
    ...(fallbackOrigin === undefined
      ? []
      : [{ label: "$(server) The zone's fallback origin", description: fallbackOrigin, detail: "Works before the customer's DNS does: the edge answers there for every custom hostname.", choice: { connect: fallbackOrigin, connectLabel: 'the fallback origin' } }]),
    ...(lastCname === undefined ? [] : [{ label: '$(arrow-right) CNAME target', description: lastCname, detail: 'The target last used for this zone.', choice: { connect: lastCname, connectLabel: 'the CNAME target' } }]),
    { label: '$(edit) A CNAME Target…', detail: "The host the customer's CNAME record points to (your SaaS CNAME target).", choice: 'type' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Probe ${hostname}: connect where?`, placeHolder: 'The SNI stays the hostname; choose where to connect' });
  if (picked === undefined) throw dismissed();
  if (picked.choice !== 'type') return picked.choice;
  const typed = await validatedInput({
    title: `Probe ${hostname}: CNAME target`,
    prompt: "The host the customer's CNAME record points to (host, host:port or an IP address).",
    placeholder: 'customers.saas.example',
    ...(lastCname === undefined ? {} : { value: lastCname }),
    validate: connectInputProblem,
    required: 'Type the CNAME target, or press Escape.',
  });
  return { connect: typed, connectLabel: 'the CNAME target', typed };
}
