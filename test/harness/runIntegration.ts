import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser } from './browser';
import { ensureCodeServer, startCodeServer, writeUserSettings } from './codeServer';
import { step } from './exec';
import { repoRoot, testOutputDir, workspaceFixture } from './paths';
import { followFile } from './followFile';

/**
 * Runs test/integration inside the extension host of a real VS Code (the one code-server
 * ships), opened in Debian's Chromium. The workbench loads the extension from the
 * repository and the mocha suite from out/test/integration, then reports the suite's
 * exit code through codeAutomationExit. The suite's reporter output is written to a
 * file by the extension host and streamed here, so the terminal shows every test.
 */
async function main(): Promise<number> {
  await step('prepare code-server', ensureCodeServer);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-integration-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  const outputDir = path.join(testOutputDir, 'integration');
  fs.mkdirSync(outputDir, { recursive: true });
  const reportFile = path.join(outputDir, 'report.txt');
  fs.writeFileSync(reportFile, '');
  const serverLog = fs.createWriteStream(path.join(outputDir, 'code-server.log'));

  const server = await step('start code-server', () =>
    startCodeServer({ userDataDir, extensionsDir, env: { CFCERTS_TEST_REPORT: reportFile, CFCERTS_TEST_USER_DATA: userDataDir, CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_API_KEY: '', CLOUDFLARE_EMAIL: '' }, onOutput: (line) => serverLog.write(`${line}\n`) }),
  );
  const browser = await launchBrowser();
  const report = followFile(reportFile, (text) => process.stdout.write(text));
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => serverLog.write(`[workbench ${type}] ${JSON.stringify(args)}\n`));
    const remote = (folder: string): string => `vscode-remote://127.0.0.1:${server.port}${folder}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspaceFixture)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const code = await withHangGuard(exitCode, 15 * 60_000);
    await report.flush();
    return code === 0 && hasSummary(fs.readFileSync(reportFile, 'utf8')) ? 0 : 1;
  } finally {
    report.stop();
    await browser.close();
    await server.stop();
    serverLog.end();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** A run that printed no mocha summary ran no test, whatever its exit code. */
function hasSummary(report: string): boolean {
  if (!/\d+ passing/.test(report)) {
    process.stdout.write('[harness] the integration suite printed no summary: no test ran\n');
    return false;
  }
  return true;
}

/** Catches a hung workbench (the suite never reports); it says nothing about speed. */
function withHangGuard<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the integration suite did not finish within ${ms / 60_000} minutes`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
