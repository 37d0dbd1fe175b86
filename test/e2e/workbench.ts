import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { ensureCodeServer, installExtension, startCodeServer, writeUserSettings, type RunningCodeServer } from '../harness/codeServer';
import { testOutputDir, vsixPath, workspaceFixture } from '../harness/paths';
import { recordTreeMoves } from './treeScrollRecorder';

export interface Workbench {
  readonly page: Page;
  screenshot(name: string): Promise<string>;
  /** Copies the workbench's logs (the extension host's and our output channel's) to test-output/e2e/NAME-logs. */
  keepLogs(name: string): void;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** User settings, e.g. the colour theme or the API base URL. */
  readonly settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  readonly env?: NodeJS.ProcessEnv;
  /** The folder to open; the shared fixture by default. */
  readonly folder?: string;
  /** Open the folder untrusted, in Restricted Mode (workspace trust on). */
  readonly restrictedMode?: boolean;
}

export const screenshotDir = path.join(testOutputDir, 'e2e');

/**
 * A real VS Code workbench (code-server) with the packaged .vsix installed, open in
 * Debian's Chromium. Everything it starts is stopped by close().
 */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  if (!fs.existsSync(vsixPath)) {
    throw new Error(`${vsixPath} is missing: run \`npm run package\` first (npm run test:e2e does).`);
  }
  await ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-e2e-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  const restricted = options.restrictedMode === true;
  writeUserSettings(userDataDir, options.settings, { restrictedMode: restricted });
  await installExtension(vsixPath, { userDataDir, extensionsDir });
  fs.mkdirSync(screenshotDir, { recursive: true });
  const serverLog = fs.createWriteStream(path.join(screenshotDir, 'code-server.log'), { flags: 'a' });
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ userDataDir, extensionsDir, env: options.env, workspaceTrust: restricted, onOutput: (line) => serverLog.write(`${line}\n`) });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The workbench's own errors (a tree that failed to refresh, an uncaught exception) go to the log beside the screenshots.
    // Timed, to line them up with the extension's own log.
    page.on('console', (message) => {
      if (message.type() === 'error') serverLog.write(`[${new Date().toISOString()} browser error] ${message.text()} (${message.location().url})\n`);
    });
    page.on('pageerror', (error) => serverLog.write(`[${new Date().toISOString()} browser pageerror] ${error.message}\n`));
    // A failed test says how the sidebar tree moved before it failed (simulatorWorkbench).
    await recordTreeMoves(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(options.folder ?? workspaceFixture)}`);
    await page.locator('.monaco-workbench').waitFor();
    const running = { server, browser };
    return {
      page,
      screenshot: async (name) => {
        const file = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      keepLogs: (name) => {
        const logs = path.join(userDataDir, 'logs');
        if (fs.existsSync(logs)) fs.cpSync(logs, path.join(screenshotDir, `${name}-logs`), { recursive: true });
      },
      close: async () => {
        await running.browser.close();
        await running.server.stop();
        serverLog.end();
        fs.rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.stop();
    serverLog.end();
    throw error;
  }
}
