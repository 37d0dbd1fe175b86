import { spawn, type SpawnOptions } from 'node:child_process';

/** Runs a command to completion, streaming nothing unless it fails; the output is kept for the error. */
export function run(command: string, args: readonly string[], options: SpawnOptions & { label?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve(output);
      } else {
        const label = options.label ?? `${command} ${args.join(' ')}`;
        reject(new Error(`${label} exited with ${String(code)}:\n${output.slice(-4000)}`));
      }
    });
  });
}

/** Logs a harness step with its duration, so slow set-up steps are visible in CI logs. */
export async function step<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`[harness] ${label}…\n`);
  const result = await action();
  process.stdout.write(`[harness] ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}
