import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { openWorkbench, type Workbench } from './workbench';
import { hoverTreeRow, noCredentials, openExplorer, runFromPalette, treeRow } from './workbenchUi';

describe('The Cloudflare Certificates view without an account', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ env: noCredentials });
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens from its activity-bar icon and offers to add a token', async () => {
    const { page } = workbench;
    await openExplorer(page);
    const welcome = page.locator('.welcome-view-content', { hasText: 'See every Cloudflare certificate' });
    await welcome.waitFor();
    assert.equal(await welcome.getByRole('button', { name: 'Add API Token' }).isVisible(), true);
    const file = await workbench.screenshot('explorer-welcome');
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
  });

  it('"Show Logs" from the view title menu shows the log channel', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Cloudflare: Show Logs');
    await page.locator('.part.panel .monaco-editor', { hasText: 'Cloudflare Certificates' }).first().waitFor();
    await workbench.screenshot('explorer-logs');
  });
});

for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
  const slug = theme.includes('Dark') ? 'dark' : 'light';

  describe(`The Cloudflare Certificates tree on the simulator (${slug} theme)`, () => {
    const suite = useSimulatorWorkbench({ theme, failureScreenshot: `failed-explorer-${slug}` });

    it('lists the zones of the environment account', async () => {
      const { page } = suite.workbench;
      await openExplorer(page);
      await treeRow(page, 'From environment').waitFor();
      await treeRow(page, 'acme.com').waitFor();
      await treeRow(page, 'tenantly.app').waitFor();
    });

    it('expands a SaaS zone into its groups, custom hostnames and their status icons', async () => {
      const { page } = suite.workbench;
      await treeRow(page, 'tenantly.app').click();
      const hostnames = treeRow(page, 'Custom hostnames');
      await hostnames.waitFor();
      assert.match((await hostnames.textContent()) ?? '', /33/);
      const pending = treeRow(page, 'app.northwind-traders.com');
      await pending.waitFor();
      assert.match((await pending.textContent()) ?? '', /Pending Validation/);
      assert.equal(await pending.locator('.codicon-clock').count(), 1, 'a clock icon for Pending Validation');
      await page.mouse.move(900, 400);
      await suite.workbench.screenshot(`explorer-tree-${slug}`);
    });

    it('shows a Markdown tooltip with the next step', async () => {
      const { page } = suite.workbench;
      const hover = await hoverTreeRow(page, 'docs.initech.com', 'docs.initech.com');
      assert.match((await hover.textContent()) ?? '', /Next/);
      await suite.workbench.screenshot(`explorer-tooltip-${slug}`);
    });
  });
}
