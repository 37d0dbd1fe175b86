import * as assert from 'node:assert/strict';
import { hostsLabel } from '../../../src/domain/labels';

describe('hostsLabel', () => {
  it('names a certificate by a host other than the zone apex and its wildcard', () => {
    assert.equal(hostsLabel(['acme.com', '*.acme.com', 'shop.acme.com'], 'acme.com'), 'shop.acme.com +2');
    assert.equal(hostsLabel(['acme.com', 'legacy.acme.com'], 'acme.com'), 'legacy.acme.com +1');
  });

  it('falls back to the first host when the apex is all there is', () => {
    assert.equal(hostsLabel(['acme.com', '*.acme.com'], 'acme.com'), 'acme.com +1');
    assert.equal(hostsLabel(['shop.acme.com'], 'acme.com'), 'shop.acme.com');
  });

  it('takes the first host when no zone is given, and nothing from no hosts', () => {
    assert.equal(hostsLabel(['acme.com', 'www.acme.com'], undefined), 'acme.com +1');
    assert.equal(hostsLabel([], 'acme.com'), undefined);
  });
});
