import { chromium, type Browser } from 'playwright-core';

const chromiumPath = process.env['CFCERTS_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with everything that would reach past loopback turned
 * off. Playwright gives every launch a fresh, throw-away profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}
