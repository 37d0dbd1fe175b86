// The self-test of the dependency rules (`npm run lint:deps`). A misconfigured rule finds
// nothing, silently, and a clean run looks the same; so the rules of .dependency-cruiser.cjs
// run on a fake tree (src/ below this folder) that breaks them on purpose, and this fails
// unless the checker reports exactly the planted violations: a wrong-way import and an
// import cycle, both through type-only imports, and nothing for the import that is right.
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('.', import.meta.url));

const expected = [
  'shared-direction: src/shared/wrongWay.ts → src/explorer/row.ts',
  'no-circular: src/explorer/child.ts ↔ src/explorer/parent.ts',
];

const options = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
// The same rules and options, on the fixtures: paths are read from the fixture root (so
// they start with src/ as in the project), and the project's exclusion of the fixtures is off.
delete options.exclude;
options.baseDir = fixtures;
const tsConfig = extractTSConfig(`${root}${options.tsConfig.fileName}`);
const { output } = await cruise(['src'], { ...options, outputType: 'json' }, {}, { tsConfig });
const result = JSON.parse(output);

/** An import as "rule: from → to"; a cycle (reported once, from any member) as its members, sorted. */
function describe(violation) {
  if (violation.type === 'cycle') return `${violation.rule.name}: ${violation.cycle.map((step) => step.name).sort().join(' ↔ ')}`;
  return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
}

const reported = result.summary.violations.map(describe).sort();
const missing = expected.filter((line) => !reported.includes(line));
const unexpected = reported.filter((line) => !expected.includes(line));

if (result.summary.totalCruised < 5 || missing.length > 0 || unexpected.length > 0) {
  console.error('The dependency rules do not catch what test/lint-fixtures plants:');
  console.error(`  modules cruised: ${result.summary.totalCruised} (the fixtures have 5)`);
  for (const line of missing) console.error(`  not reported: ${line}`);
  for (const line of unexpected) console.error(`  reported, not planted: ${line}`);
  process.exit(1);
}
console.log(`✔ dependency rules self-test: the ${expected.length} planted violations are reported, and nothing else`);
