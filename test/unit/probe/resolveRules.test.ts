import assert from 'node:assert/strict';
import { formatRuleTarget, matchResolveRule, parseResolveRules } from '../../../src/probe/resolveRules';
import { routeProbe } from '../../../src/probing/probeRoute';

describe('probe resolve rules', () => {
  const rules = parseResolveRules({ '*': '127.0.0.1:8443', '*.example.com': '203.0.113.7', 'api.example.com': '[2001:db8::7]:443', '*.deep.example.com': 'staging-edge.example.net:8443', 'Bücher.example': '198.51.100.1' });

  it('prefers the exact name, then the longest *.domain, then *', () => {
    assert.equal(matchResolveRule(rules, 'api.example.com')?.address, '2001:db8::7');
    assert.equal(matchResolveRule(rules, 'www.example.com')?.address, '203.0.113.7');
    assert.equal(matchResolveRule(rules, 'a.b.example.com')?.address, '203.0.113.7', '*.domain covers any depth');
    assert.equal(matchResolveRule(rules, 'x.deep.example.com')?.address, 'staging-edge.example.net');
    assert.equal(matchResolveRule(rules, 'example.com')?.address, '127.0.0.1', '*.example.com does not cover the apex');
    assert.equal(matchResolveRule(rules, 'xn--bcher-kva.example')?.address, '198.51.100.1', 'patterns are matched in ASCII form');
    assert.equal(matchResolveRule(rules.filter((rule) => rule.pattern !== '*'), 'other.org'), undefined);
  });

  it('skips entries that make no sense, each with a reason', () => {
    const problems: string[] = [];
    const parsed = parseResolveRules({ '*.ok.example': '192.0.2.1', 'bad name': '192.0.2.1', 'ok2.example': 42, 'ok3.example': '1.2.3.256', '192.0.2.9': '192.0.2.1' }, (problem) => problems.push(problem));
    assert.deepEqual(parsed.map((rule) => rule.pattern), ['*.ok.example']);
    assert.equal(problems.length, 4);
    assert.ok(problems.every((problem) => problem.startsWith('cloudflareCertificates.probe.resolve')));
    assert.deepEqual(parseResolveRules(['*'], (problem) => problems.push(problem)), []);
    assert.deepEqual(parseResolveRules(undefined), []);
  });

  it('writes targets back as they are typed', () => {
    assert.deepEqual(rules.map(formatRuleTarget), ['127.0.0.1:8443', '203.0.113.7', '[2001:db8::7]:443', 'staging-edge.example.net:8443', '198.51.100.1']);
  });

  it('routes a probe: the SNI stays, the looked-up host goes to the rule, the rule port wins', () => {
    assert.deepEqual(routeProbe('shop.example.org', undefined, rules).target, { servername: 'shop.example.org', address: '127.0.0.1', port: 8443 });
    assert.deepEqual(routeProbe('shop.customer.org', 'fallback.example.com', rules).target, { servername: 'shop.customer.org', connect: 'fallback.example.com', address: '203.0.113.7' });
    assert.deepEqual(routeProbe('shop.customer.org', 'x.deep.example.com:9443', rules).target, { servername: 'shop.customer.org', connect: 'staging-edge.example.net', port: 8443 });
    assert.deepEqual(routeProbe('www.example.com:8443', undefined, rules).target, { servername: 'www.example.com:8443', address: '203.0.113.7', port: 8443 }, 'the typed port stays when the rule names none');
  });

  it('never applies a rule to an IP literal, nor without rules', () => {
    assert.deepEqual(routeProbe('shop.example.org', '192.0.2.50', rules), { target: { servername: 'shop.example.org', connect: '192.0.2.50' } });
    assert.deepEqual(routeProbe('shop.example.org', undefined, []), { target: { servername: 'shop.example.org' } });
    assert.deepEqual(routeProbe('shop.example.org', '  ', []), { target: { servername: 'shop.example.org' } });
  });
});
