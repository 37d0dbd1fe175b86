import * as vscode from 'vscode';
import { connectInputProblem, describeHostInput, hostnameInputProblem } from '../probing/hostInput';
import type { CommandContext } from './context';
import { pickRecentProbe, validatedInput } from './probeInputs';

async function askHostname(): Promise<{ servername: string; connect?: string }> {
  const servername = await validatedInput({
    title: 'Probe Hostname',
    step: 1,
    totalSteps: 2,
    prompt: 'The name to ask the edge for (SNI): a hostname, an IDN, host:port or an IP address.',
    placeholder: 'shop.example.com',
    validate: hostnameInputProblem,
    describe: describeHostInput,
    required: 'Type the hostname to probe, or press Escape.',
  });
  const connect = await validatedInput({
    title: 'Probe Hostname',
    step: 2,
    totalSteps: 2,
    prompt: `Where to connect. Empty: ${servername}'s own DNS. Or a CNAME target, host:port or an IP address (the SNI stays ${servername}).`,
    placeholder: `Empty: connect to ${servername}`,
    validate: connectInputProblem,
  });
  return connect === '' ? { servername } : { servername, connect };
}

/** "Cloudflare: Probe Hostname…": any name, typed or picked from the recent probes. */
export function probeHostname(context: CommandContext): () => Promise<void> {
  return async () => {
    const recent = context.probeMemory.recent();
    let target: { servername: string; connect?: string };
    const choice = recent.length === 0 ? ({ kind: 'new' } as const) : await pickRecentProbe(recent);
    if (choice.kind === 'clear') {
      await context.probeMemory.clearRecent();
      vscode.window.setStatusBarMessage('$(check) Cleared the recent probes', 3000);
      return;
    }
    if (choice.kind === 'recent') {
      target = { servername: choice.probe.servername, ...(choice.probe.connect === undefined ? {} : { connect: choice.probe.connect }) };
    } else {
      target = await askHostname();
    }
    const run = await context.prober.run({ kind: 'hostname', ...target });
    if (run !== undefined) context.prober.showResults(run);
  };
}
