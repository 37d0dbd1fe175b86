import assert from 'node:assert/strict';
import { connectInputProblem, describeHostInput, hostnameInputProblem } from '../../../src/probing/hostInput';

describe('probe input validation', () => {
  it('accepts names, IDNs, IP literals, ports and URLs as the engine does', () => {
    for (const value of ['shop.example.com', 'Bücher.example', '192.0.2.1', '[2001:db8::1]:8443', 'example.com:8443', 'https://example.com/path', 'EXAMPLE.COM.']) {
      assert.equal(hostnameInputProblem(value), undefined, value);
    }
  });

  it("says why in the engine's own words", () => {
    assert.match(hostnameInputProblem('*.example.com') ?? '', /wildcard cannot be probed/);
    assert.match(hostnameInputProblem('example.com:99999') ?? '', /outside 1–65535/);
    assert.match(hostnameInputProblem('1.2.3.256') ?? '', /not a valid IPv4 address/);
    assert.match(hostnameInputProblem('exa mple.com') ?? '', /contains spaces/);
    assert.match(hostnameInputProblem('https://user:secret@example.com') ?? '', /credentials is not accepted/);
    assert.ok(!(hostnameInputProblem('https://user:secret@example.com') ?? '').includes('secret'), 'credentials are not echoed');
    assert.match(hostnameInputProblem('') ?? '', /empty/);
  });

  it('lets the connect target be empty, and names it in messages', () => {
    assert.equal(connectInputProblem(''), undefined);
    assert.equal(connectInputProblem('   '), undefined);
    assert.equal(connectInputProblem('customers.saas.example:443'), undefined);
    assert.match(connectInputProblem('bad..name') ?? '', /^Invalid connect target 'bad\.\.name'/);
  });

  it('describes what a valid input will probe, so an IDN or a port shows before the probe', () => {
    assert.equal(describeHostInput('bücher.example:8443'), 'Probes bücher.example (xn--bcher-kva.example) on port 8443.');
    assert.equal(describeHostInput('192.0.2.1'), 'Probes IPv4 address 192.0.2.1, sent without SNI on port 443.');
    assert.equal(describeHostInput('*.example.com'), undefined);
    assert.equal(describeHostInput(''), undefined);
  });
});
