import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: out/test/harness/ → three levels up, wherever it was cloned. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Where tests write screenshots and logs; git-ignored. */
export const testOutputDir = path.join(repoRoot, 'test-output');

/** The folder every integration and e2e workbench opens. */
export const workspaceFixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** code-server and other downloads live outside the repository, so a clean clone reuses them. */
export const cacheDir = process.env['CFCERTS_TEST_CACHE'] ?? path.join(os.homedir(), '.cache', 'cfcerts-test');

export const vsixPath = path.join(repoRoot, 'cloudflare-certificates.vsix');
