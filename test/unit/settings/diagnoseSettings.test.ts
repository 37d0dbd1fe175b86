import * as assert from 'node:assert/strict';
import { readCnameTargets } from '../../../src/settings/cnameTargets';
import { parseDnsServer, readDnsServers } from '../../../src/settings/dnsServers';

describe('cloudflareCertificates.dns.servers', () => {
  it('reads IPv4 and bracketed IPv6 servers, port 53 unless given', () => {
    assert.deepEqual(readDnsServers(['192.0.2.53', '127.0.0.1:5353', '[2001:db8::53]:5300'], []), [
      { address: '192.0.2.53', port: 53 },
      { address: '127.0.0.1', port: 5353 },
      { address: '2001:db8::53', port: 5300 },
    ]);
  });

  it("falls back to the system's servers when the list is empty, unset or all wrong, and says why", () => {
    const problems: string[] = [];
    assert.deepEqual(readDnsServers(undefined, ['10.0.0.2']), [{ address: '10.0.0.2', port: 53 }]);
    assert.deepEqual(readDnsServers([], ['10.0.0.2']), [{ address: '10.0.0.2', port: 53 }]);
    assert.deepEqual(readDnsServers(['dns.example.com', 42, '1.2.3.4:0'], ['10.0.0.2'], (message) => problems.push(message)), [{ address: '10.0.0.2', port: 53 }]);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems[0] ?? '', /must be an IP address/);
    assert.deepEqual(readDnsServers('1.1.1.1', ['10.0.0.2'], (message) => problems.push(message)), [{ address: '10.0.0.2', port: 53 }]);
  });

  it('is the rule cfcerts diagnose --dns-server follows', () => {
    assert.throws(() => parseDnsServer('not-an-ip'), /must be an IP address/);
  });
});

describe('cloudflareCertificates.diagnose.cnameTargets', () => {
  it('maps canonical zone names to canonical host names, one or a list', () => {
    const targets = readCnameTargets({ 'Tenantly.App.': 'SaaS.Tenantly-Edge.net', 'other.example': ['a.example.net', 'b.example.net'] });
    assert.deepEqual([...targets], [['tenantly.app', ['saas.tenantly-edge.net']], ['other.example', ['a.example.net', 'b.example.net']]]);
  });

  it('skips what is no host name, with a reason, and ignores a value that is no object', () => {
    const problems: string[] = [];
    const targets = readCnameTargets({ 'zone.example': ['192.0.2.1', 'ok.example.net', 7], 'bad zone': 'x.example', 'n.example': 5 }, (message) => problems.push(message));
    assert.deepEqual([...targets], [['zone.example', ['ok.example.net']]]);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.equal(readCnameTargets(['a'], (message) => problems.push(message)).size, 0);
  });
});
