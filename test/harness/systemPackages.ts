import * as fs from 'node:fs';
import { run, step } from './exec';

/** The Debian packages the harness needs, each with a file that proves it is installed. */
const requirements = [
  { pkg: 'chromium', proof: '/usr/bin/chromium', why: 'the browser that opens the VS Code workbench' },
  { pkg: 'ripgrep', proof: '/usr/bin/rg', why: "VS Code's search, which code-server cannot download" },
  { pkg: 'libkrb5-dev', proof: '/usr/include/gssapi/gssapi.h', why: "headers for code-server's native kerberos module" },
] as const;

/** Installs what is missing with apt-get when running as root; otherwise says exactly what to install. */
export async function ensureSystemPackages(): Promise<void> {
  const missing = requirements.filter((requirement) => !fs.existsSync(requirement.proof));
  if (missing.length === 0) {
    return;
  }
  const names = missing.map((requirement) => requirement.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    const reasons = missing.map((requirement) => `  ${requirement.pkg}: ${requirement.why}`).join('\n');
    throw new Error(`Missing Debian packages:\n${reasons}\nInstall them with: sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`);
  }
  await step(`apt-get install ${names.join(' ')}`, async () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update', '-qq'], { env });
    await run('apt-get', ['install', '-y', '-qq', ...names], { env });
  });
}
