import { createCertificateAuthority, createSelfSigned, type CertificateAuthority, type IssuedCertificate } from '../../../src/simulator/pki';
import type { TrustRoots } from '../../../src/probe';

const DAY = 86_400_000;

/** One PKI per test run: a root, an intermediate, and the leaves every probe test needs. */
export interface ProbeFixtures {
  readonly root: CertificateAuthority;
  readonly intermediate: CertificateAuthority;
  readonly roots: TrustRoots;
  readonly valid: IssuedCertificate;
  readonly validRsa: IssuedCertificate;
  readonly other: IssuedCertificate;
  readonly expired: IssuedCertificate;
  readonly notYetValid: IssuedCertificate;
  readonly expiringSoon: IssuedCertificate;
  readonly selfSigned: IssuedCertificate;
  /** Leaf plus intermediate, as a server should send it. */
  chain(leaf: IssuedCertificate): string;
}

let fixtures: Promise<ProbeFixtures> | undefined;

async function build(): Promise<ProbeFixtures> {
  const now = Date.now();
  const root = await createCertificateAuthority({ commonName: 'Probe Test Root' });
  const intermediate = await createCertificateAuthority({ parent: root, commonName: 'Probe Test Intermediate' });
  const hosts = ['app.example.com', 'www.app.example.com'];
  return {
    root,
    intermediate,
    roots: { pem: root.certPem, label: 'probe-test-root.pem' },
    valid: await intermediate.issue({ hosts }),
    validRsa: await intermediate.issue({ hosts, keyKind: 'rsa' }),
    other: await intermediate.issue({ hosts: ['other.example.net'] }),
    expired: await intermediate.issue({ hosts, notBefore: new Date(now - 100 * DAY), notAfter: new Date(now - 10 * DAY) }),
    notYetValid: await intermediate.issue({ hosts, notBefore: new Date(now + 10 * DAY), notAfter: new Date(now + 100 * DAY) }),
    expiringSoon: await intermediate.issue({ hosts, notAfter: new Date(now + 5 * DAY + 3_600_000) }),
    selfSigned: await createSelfSigned({ hosts }),
    chain: (leaf) => leaf.certPem + intermediate.certPem,
  };
}

export function probeFixtures(): Promise<ProbeFixtures> {
  fixtures ??= build();
  return fixtures;
}
