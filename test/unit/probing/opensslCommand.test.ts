import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { opensslCommand, shellQuote } from '../../../src/probing/opensslCommand';
import { probeRunCommands, probeRunJson } from '../../../src/probing/probeCopies';
import { summarizeVerdicts } from '../../../src/probing/verdictPresentation';
import { outcome, probeResult, run } from '../../support/probe/probeResults';

describe('copying a probe', () => {
  it('writes the openssl command that repeats the probe', () => {
    assert.equal(opensslCommand(outcome(probeResult())), 'openssl s_client -connect shop.example.com:443 -servername shop.example.com -showcerts </dev/null');
    const ipv6 = probeResult({ sni: null, servername: '2001:db8::1', target: { host: '2001:db8::1', port: 8443, address: '2001:db8::1', family: 6 } });
    assert.equal(opensslCommand(outcome(ipv6)), 'openssl s_client -connect [2001:db8::1]:8443 -noservername -showcerts </dev/null');
  });

  it('connects to the address a resolve rule chose, since openssl knows nothing of the setting', () => {
    const viaRule = outcome(probeResult({ target: { host: 'fallback.saas.example', port: 8443, address: '127.0.0.1', family: 4 } }), { rule: { pattern: '*', address: '127.0.0.1', ipVersion: 4, port: 8443 } });
    assert.equal(opensslCommand(viaRule), 'openssl s_client -connect 127.0.0.1:8443 -servername shop.example.com -showcerts </dev/null');
  });

  // Harmless if quoting ever broke: a stray `exit 7` fails the test instead of doing anything.
  const hostile = ["a'; exit 7; echo '", '$(exit 7)', '`exit 7`', 'x\ny', '-oops', "it's", '; exit 7', '| cat', '&& true', '>/dev/null', '*', '"double"'];

  it('quotes hostile names so a shell reads each as one word and runs nothing', () => {
    for (const name of hostile) {
      const quoted = shellQuote(name);
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
      assert.equal(echoed, name, `round trip of ${JSON.stringify(name)}`);
    }
    assert.equal(shellQuote('plain-name.example.com:443'), 'plain-name.example.com:443');
    assert.equal(shellQuote(''), "''");
  });

  it('keeps a hostile servername one argument in the whole command', () => {
    for (const name of hostile) {
      const command = opensslCommand(outcome(probeResult({ sni: name, target: { host: name, port: 443, address: null, family: null } })));
      const args = execFileSync('sh', ['-c', `set -- ${command.replace(/^openssl s_client /, '').replace(/ <\/dev\/null$/, '')}; for arg; do printf '%s\\0' "$arg"; done`], { encoding: 'utf8' }).split('\0').slice(0, -1);
      assert.deepEqual(args, ['-connect', `${name}:443`, '-servername', name, '-showcerts']);
    }
  });

  it('copies one JSON object for one name, an array for several, and one command line per name', () => {
    const one = run([outcome(probeResult())]);
    assert.equal((JSON.parse(probeRunJson(one)) as { verdict: string }).verdict, 'ok');
    const two = run([outcome(probeResult()), outcome(probeResult({ servername: 'www.example.com', sni: 'www.example.com' }))]);
    assert.equal((JSON.parse(probeRunJson(two)) as unknown[]).length, 2);
    assert.equal(probeRunCommands(two).split('\n').length, 2);
  });

  it('sums up verdicts, the most frequent first', () => {
    assert.equal(summarizeVerdicts([...Array<'ok'>(39).fill('ok'), 'untrusted', 'untrusted', 'timeout']), '42 probed: 39 OK, 2 untrusted, 1 timeout');
    assert.equal(summarizeVerdicts([]), '0 probed');
  });
});
