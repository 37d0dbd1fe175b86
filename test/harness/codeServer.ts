import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { machineSettings } from '../../src/settings/machineSettings';
import { run, step } from './exec';
import { cacheDir } from './paths';
import { ensureSystemPackages } from './systemPackages';

/** The last code-server line that runs on Node 20; it ships VS Code 1.100.3. */
export const codeServerVersion = '4.100.3';

const installDir = path.join(cacheDir, `code-server-${codeServerVersion}`);
const packageDir = path.join(installDir, 'node_modules', 'code-server');
const vscodeDir = path.join(packageDir, 'lib', 'vscode');
export const codeServerEntry = path.join(packageDir, 'out', 'node', 'entry.js');
/** Written last; its content ties the install to this Node's ABI so a Node upgrade rebuilds. */
const readyMarker = path.join(installDir, '.ready');

/**
 * Installs code-server into the cache without its install scripts (they download
 * prebuilt binaries, which these machines cannot), then does by hand what they do:
 * Debian's ripgrep instead of the downloaded one, native modules built against this
 * Node's headers, and the links of its postinstall.sh.
 */
export async function ensureCodeServer(): Promise<void> {
  await ensureSystemPackages();
  if (fs.existsSync(readyMarker) && fs.readFileSync(readyMarker, 'utf8') === process.versions.modules) {
    return;
  }
  const env = npmEnvironment();
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'cfcerts-code-server', private: true }));
  await step(`npm install code-server@${codeServerVersion}`, () =>
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${codeServerVersion}`], { cwd: installDir, env }),
  );
  await step("install VS Code's server dependencies", () => run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: vscodeDir, env }));
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(ripgrepBin, 'rg'));
  fs.chmodSync(path.join(ripgrepBin, 'rg'), 0o755);
  await step("build VS Code's native modules", () => run('npm', ['rebuild'], { cwd: vscodeDir, env }));
  await step('build argon2', () => run('npm', ['rebuild', 'argon2'], { cwd: installDir, env }));
  linkLikePostinstall();
  await step('install the built-in extensions', () => run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd: path.join(vscodeDir, 'extensions'), env }));
  fs.writeFileSync(readyMarker, process.versions.modules);
}

function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_yes: 'true' };
  // Build native modules against the installed Node's headers instead of downloading them.
  if (env['npm_config_nodedir'] === undefined && fs.existsSync('/usr/include/node/node.h')) {
    env['npm_config_nodedir'] = '/usr';
  }
  return env;
}

function linkLikePostinstall(): void {
  const link = (target: string, at: string): void => {
    fs.rmSync(at, { recursive: true, force: true });
    fs.symlinkSync(target, at);
  };
  link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
}

export interface CodeServerOptions {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Lines the server prints, for logs. */
  readonly onOutput?: (line: string) => void;
  readonly port?: number;
  /**
   * Keep VS Code's workspace trust on: a folder then opens in Restricted Mode (pair it with
   * `restrictedMode: true` in writeUserSettings). Off by default.
   */
  readonly workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Settings that keep a test workbench quiet and predictable. code-server's workbench is a
 * remote window: VS Code takes machine-scoped settings (the API base URL, the probe's CA
 * file and resolve rules) from the remote machine's settings there, not from the user's,
 * so those are written to `Machine/settings.json` as well.
 */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}, options: { readonly restrictedMode?: boolean } = {}): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const defaults = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.colorTheme': 'Default Light Modern',
  };
  // With trust on, a folder opens untrusted (Restricted Mode) and nobody is asked at start.
  const trust = options.restrictedMode === true ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {};
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...defaults, ...trust, ...settings }, null, 2));
  const machineKeys = new Set<string>(machineSettings.map((name) => `cloudflareCertificates.${name}`));
  const machine = Object.fromEntries(Object.entries(settings).filter(([key]) => machineKeys.has(key)));
  const machineDir = path.join(userDataDir, 'Machine');
  fs.mkdirSync(machineDir, { recursive: true });
  fs.writeFileSync(path.join(machineDir, 'settings.json'), JSON.stringify(machine, null, 2));
}

/** Environment that keeps code-server on loopback: no marketplace, no telemetry. */
function serverEnvironment(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' }),
    ...extra,
  };
}

export async function installExtension(vsix: string, options: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir'>): Promise<void> {
  await run(process.execPath, [codeServerEntry, '--install-extension', vsix, '--force', '--extensions-dir', options.extensionsDir, '--user-data-dir', options.userDataDir], {
    env: serverEnvironment(undefined),
    label: `code-server --install-extension ${path.basename(vsix)}`,
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = options.port ?? (await freePort());
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust === true ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ];
  // Its own process group: code-server starts an extension host, a file watcher and a pty
  // host, and stop() must end them all, or they go on writing into the user data folder
  // that the caller removes next (ENOTEMPTY) and hold the output pipes open.
  const child = spawn(process.execPath, args, { env: serverEnvironment(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  forwardLines(child, options.onOutput);
  await waitForServer(child, port);
  return { url: `http://127.0.0.1:${port}`, port, stop: () => stopProcess(child) };
}

function forwardLines(child: ChildProcess, onOutput: ((line: string) => void) | undefined): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onOutput?.(line);
    });
  }
}

async function waitForServer(child: ChildProcess, port: number): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  // A hang guard, not a speed check: a healthy server answers within seconds.
  const giveUpAt = Date.now() + 120_000;
  while (Date.now() < giveUpAt) {
    if (exited !== undefined) {
      throw new Error(`code-server exited with ${String(exited)} before it listened`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  throw new Error('code-server did not start listening within 120 s');
}

/** Ends code-server and every process it started (its process group), and waits until they are gone. */
async function stopProcess(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  signalGroup(group, 'SIGTERM');
  // A hang guard, not a speed check: what has not ended after 5 s is killed.
  const killer = setTimeout(() => signalGroup(group, 'SIGKILL'), 5000);
  try {
    while (groupAlive(group)) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    clearTimeout(killer);
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // ESRCH: the group has ended already.
  }
}

/**
 * True while a process of the group still runs. Zombies do not count: an orphan that has
 * exited waits for init to reap it, and signal 0 would still find it.
 */
function groupAlive(group: number): boolean {
  if (!fs.existsSync('/proc/self/stat')) {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }
  return fs.readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === group && state !== 'Z';
    } catch {
      return false; // ended while we looked
    }
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
