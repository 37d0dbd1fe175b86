import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { allStatuses, OBJECT_KINDS, SEVERITY_COLORS, SEVERITY_ICONS, statusLegend, UNKNOWN_ICON } from '../../../src/domain/status';
import { legendPath, legendSvg } from '../../harness/walkthroughLegend';

describe('the status legend', () => {
  it('draws every icon and colour the catalog gives a status, and names every label', () => {
    const legend = statusLegend();
    for (const kind of OBJECT_KINDS) {
      for (const status of allStatuses(kind)) {
        const entry = legend.find((candidate) => candidate.icon === status.icon && candidate.color === status.color);
        assert.ok(entry, `${kind} ${status.value}: ${status.icon} in ${status.color}`);
        assert.ok(entry.labels.includes(status.label), `${status.label} is named beside its icon`);
      }
    }
    const pairs = legend.map((entry) => `${entry.icon} ${entry.color}`);
    assert.equal(new Set(pairs).size, pairs.length, 'each icon and colour once');
    assert.equal(legend.at(-1)?.icon, UNKNOWN_ICON, 'the unknown status last');
    assert.deepEqual(legend[0] && [legend[0].icon, legend[0].color], [SEVERITY_ICONS.error, SEVERITY_COLORS.error], 'the worst first');
  });

  it('is the walkthrough image: media/walkthrough/legend.svg is what the catalog draws (npm run walkthrough:legend)', () => {
    assert.equal(fs.readFileSync(legendPath, 'utf8'), legendSvg());
  });
});
