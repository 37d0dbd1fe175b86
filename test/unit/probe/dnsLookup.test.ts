import assert from 'node:assert/strict';
import * as dns from 'node:dns';
import { systemResolver } from '../../../src/probe';

type ResolverClass = typeof dns.promises.Resolver;

describe('systemResolver', () => {
  const original = dns.promises.Resolver;
  let made: number;

  beforeEach(() => {
    made = 0;
    // A stand-in for the channel to the machine's DNS servers, counted, answering at once.
    class CountedResolver {
      constructor() {
        made++;
      }
      resolve4(): Promise<string[]> {
        return Promise.resolve(['192.0.2.7']);
      }
      resolve6(): Promise<string[]> {
        return Promise.resolve([]);
      }
      resolveCname(): Promise<string[]> {
        return Promise.resolve([]);
      }
    }
    (dns.promises as { Resolver: ResolverClass }).Resolver = CountedResolver as unknown as ResolverClass;
  });
  afterEach(() => {
    (dns.promises as { Resolver: ResolverClass }).Resolver = original;
  });

  it('opens its channel to the DNS servers with the first question, not before, and only once', async () => {
    // A probe of an IP address that reports no DNS asks nothing: it must not pay for a channel.
    const resolver = systemResolver();
    assert.equal(made, 0);
    assert.deepEqual(await resolver.resolve4('app.example.test'), ['192.0.2.7']);
    assert.deepEqual(await resolver.resolve6('app.example.test'), []);
    assert.deepEqual(await resolver.resolveCname('app.example.test'), []);
    assert.equal(made, 1);
  });
});
