import * as assert from 'node:assert/strict';
import { matchRuleForPort, parseResolveRules } from '../../../src/probe/resolveRules';
import { routeProbe } from '../../../src/probing/probeRoute';

describe('resolve rules keyed by destination port', () => {
  const rules = parseResolveRules({ '*:80': '127.0.0.1:8080', '*:443': '127.0.0.1:8443', 'special.example.com': '127.0.0.9:9443' });

  it('parse `pattern:port` keys, and refuse a port outside 1–65535', () => {
    assert.deepEqual(rules.map((rule) => [rule.pattern, rule.forPort, rule.port]), [['*', 80, 8080], ['*', 443, 8443], ['special.example.com', undefined, 9443]]);
    const problems: string[] = [];
    assert.deepEqual(parseResolveRules({ '*:0': '127.0.0.1', '*:70000': '127.0.0.1' }, (message) => problems.push(message)), []);
    assert.equal(problems.length, 2);
  });

  it('send port-80 connections and port-443 ones to different places; rules of that port win', () => {
    assert.equal(matchRuleForPort(rules, 'app.example.com', 80)?.port, 8080);
    assert.equal(matchRuleForPort(rules, 'app.example.com', 443)?.port, 8443);
    assert.equal(matchRuleForPort(rules, 'special.example.com', 443)?.port, 8443, 'a rule for the port comes before a port-less one');
    assert.equal(matchRuleForPort(rules, 'special.example.com', 8443)?.port, 9443);
    assert.equal(matchRuleForPort(rules, 'app.example.com', 25), undefined);
  });

  it('route probes (port 443 unless given) by the rule of their port', () => {
    assert.equal(routeProbe('app.example.com', undefined, rules).target.port, 8443);
    assert.equal(routeProbe('app.example.com:80', undefined, rules).target.port, 8080);
  });
});
