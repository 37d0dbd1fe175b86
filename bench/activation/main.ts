/**
 * Activation benchmark (`npm run bench:activation`). Not a test: prints medians and ratios.
 *
 * In fresh Node processes, interleaved so drift in machine load hits every side alike:
 * 1. require + activate the production `dist/extension.js` (with a stub `vscode`);
 * 2. require undici bundled the way the extension bundles it (minified, node, cjs): the
 *    baseline, measured in the same run. Target: (1) at most 0.25× (2).
 * 3. The first-use cost of each bundle loaded on demand (dist/cloudflare.js, probe.js…),
 *    loaded after activation: what the first action that needs it waits, once per window.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const RUNS = 21;
const root = resolve(__dirname, '../../..');
const dist = join(root, 'dist');
const child = join(__dirname, 'child.js');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function measureOnce(args: readonly string[]): number {
  const result = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child ${args.join(' ')} failed (${String(result.status)}): ${result.stderr.slice(-1500)}`);
  return (JSON.parse(result.stdout) as { ms: number }).ms;
}

function kb(file: string): string {
  return `${(statSync(file).size / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const extension = join(dist, 'extension.js');
  if (!existsSync(extension)) throw new Error('dist/extension.js is missing: run `npm run build:production` first.');
  const scratch = mkdtempSync(join(tmpdir(), 'cfcerts-bench-activation-'));
  try {
    const undici = join(scratch, 'undici.js');
    // The extension's own bundle options: node, cjs, node20, minified.
    await build({ stdin: { contents: "module.exports = require('undici');", resolveDir: root }, outfile: undici, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
    const lazy = readdirSync(dist).filter((name) => name.endsWith('.js') && !['extension.js', 'webview.js'].includes(name) && !name.startsWith('cli'));

    console.log(`Activation benchmark: fresh Node ${process.version} processes, ${RUNS} interleaved runs each, medians.\n`);
    console.log(`dist/extension.js ${kb(extension)}; undici bundled the same way ${kb(undici)}`);
    for (const name of lazy) console.log(`  loaded on first use: dist/${name} ${kb(join(dist, name))}`);
    console.log('');

    // One warm-up of each, so the first process does not pay for a cold file cache.
    measureOnce(['extension', extension, scratch]);
    measureOnce(['module', undici]);
    const activation: number[] = [];
    const baseline: number[] = [];
    const firstUse = new Map<string, number[]>(lazy.map((name) => [name, []]));
    for (let run = 0; run < RUNS; run++) {
      activation.push(measureOnce(['extension', extension, scratch]));
      baseline.push(measureOnce(['module', undici]));
      for (const name of lazy) firstUse.get(name)?.push(measureOnce(['extension', extension, scratch, join(dist, name)]));
    }
    const activate = median(activation);
    const undiciLoad = median(baseline);
    console.log(`load + activate dist/extension.js   median ${activate.toFixed(1)} ms`);
    console.log(`load undici (baseline)              median ${undiciLoad.toFixed(1)} ms`);
    console.log(`  → ${(activate / undiciLoad).toFixed(2)}× the baseline (target ≤ 0.25×)\n`);
    for (const [name, times] of firstUse) {
      console.log(`first use, after activation: load dist/${name.padEnd(16)} median ${median(times).toFixed(1)} ms`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
