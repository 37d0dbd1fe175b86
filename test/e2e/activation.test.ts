/**
 * The packaged extension is small and loads its heavy code on first use (src/shared/lazy.ts):
 * the .vsix stays under 1 MB and carries every bundle its code requires (.vscodeignore is
 * an allowlist, and integration tests load from the repository, so only the package shows
 * a bundle left out), and VS Code's own "Show Running Extensions" reports the activation
 * time, recorded here for the README.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vsixPath } from '../harness/paths';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { screenshotDir } from './workbench';
import { openExplorer, runFromPalette, treeRow } from './workbenchUi';

const oneMegabyte = 1024 * 1024;

function vsixEntries(): string[] {
  return execFileSync('unzip', ['-Z1', vsixPath], { encoding: 'utf8' }).split('\n').filter((line) => line !== '');
}

function vsixText(entry: string): string {
  return execFileSync('unzip', ['-p', vsixPath, entry], { encoding: 'utf8', maxBuffer: 16 * oneMegabyte });
}

describe('The packaged .vsix', () => {
  it('is under 1 MB', () => {
    const size = fs.statSync(vsixPath).size;
    console.log(`      .vsix size: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < oneMegabyte, `the .vsix is ${size} bytes`);
  });

  it('carries every bundle its code requires, and none of the CLI', () => {
    const entries = vsixEntries();
    const bundles = entries.filter((entry) => /^extension\/dist\/[^/]+\.js$/.test(entry));
    assert.ok(bundles.includes('extension/dist/extension.js'));
    for (const bundle of bundles) {
      for (const [, required] of vsixText(bundle).matchAll(/require\("\.\/([^"]+\.js)"\)/g)) {
        assert.ok(entries.includes(`extension/dist/${required ?? ''}`), `${bundle} requires ./${required ?? ''}, which the .vsix lacks: add it to .vscodeignore`);
      }
    }
    assert.deepEqual(bundles.filter((bundle) => /\/cli/.test(bundle)), [], 'the CLI is not part of the extension');
  });
});

describe('Activation as VS Code reports it', () => {
  const suite = useSimulatorWorkbench({ theme: 'Default Dark Modern', failureScreenshot: 'failed-activation' });

  it('"Developer: Show Running Extensions" shows the activation time', async () => {
    const { page } = suite.workbench;
    // Activated by opening its view, as a user does; the tree's first rows prove it works.
    await openExplorer(page);
    await treeRow(page, 'acme.com').waitFor();
    await runFromPalette(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: 'Cloudflare Certificates' }).filter({ hasText: /Activation/ }).first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    const reported = /((?:Startup )?Activation):?\s*(\d+(?:\.\d+)?)\s*ms/.exec(text);
    assert.ok(reported !== null, `no activation time in "${text}"`);
    const line = `VS Code reports ${reported[1] ?? 'Activation'}: ${reported[2] ?? '?'} ms for Cloudflare Certificates (Show Running Extensions)`;
    console.log(`      ${line}`);
    fs.writeFileSync(path.join(screenshotDir, 'activation-time.txt'), `${line}\n`);
    await row.hover();
    await suite.workbench.screenshot('running-extensions-activation');
  });
});
