import { terminalField } from '../shared/terminalText';
import type { MatrixResult } from './matrix';
import type { CertificateSummary, DnsReport, ProbeResult } from './types';

/**
 * Plain-text renderings of probe results, verdict first, for the CLI and "copy as text".
 * Every string that came from a peer certificate or DNS is untrusted: control characters
 * are escaped so a hostile certificate cannot drive the terminal.
 */

/** One untrusted value on one line, by the CLI's single rule for terminal text. */
export const clean = terminalField;

const ms = (value: number | null): string => (value === null ? '–' : `${value.toFixed(1)} ms`);

function dnsLine(report: DnsReport): string {
  const hops = report.cnameChain.length > 0 ? ` → ${report.cnameChain.map(clean).join(' → ')}` : '';
  const addresses = [...report.a, ...report.aaaa].map(clean).join(', ');
  const problem = report.error === null ? '' : ` (${clean(report.error.code)}: ${clean(report.error.message)})`;
  return `${clean(report.name)}${hops}: ${addresses === '' ? 'no address' : addresses}${problem}`;
}

function certificateLines(cert: CertificateSummary, index: number): string[] {
  const key = [cert.keyType ?? 'unknown key', cert.curve ?? (cert.keyBits === null ? null : `${cert.keyBits} bits`)].filter((part) => part !== null).join(' ');
  const flags = [cert.isCA ? 'CA' : null, cert.selfSigned ? 'self-signed' : null].filter((flag) => flag !== null);
  return [
    `  ${index}  ${clean(cert.subject)}${flags.length > 0 ? `  [${flags.join(', ')}]` : ''}`,
    `     issuer    ${clean(cert.issuer)}`,
    ...(cert.subjectAltNames.length > 0 ? [`     names     ${cert.subjectAltNames.map(clean).join(', ')}`] : []),
    `     valid     ${cert.validFrom} → ${cert.validTo} (${cert.daysLeft} days left)`,
    `     serial    ${cert.serialNumber}`,
    `     key       ${clean(key)}, signed ${cert.signatureAlgorithm ?? 'with an unknown algorithm'}`,
    `     sha256    ${cert.fingerprint256}`,
  ];
}

export function formatProbeText(result: ProbeResult): string {
  const name = result.servernameUnicode === result.servername ? result.servername : `${result.servernameUnicode} (${result.servername})`;
  const lines = [`${result.verdict.toUpperCase()}  ${clean(name)}: ${result.reasons.map(clean).join(' ')}`];
  const where = result.target.address === null ? `${result.target.host}:${result.target.port}` : `${result.target.host}:${result.target.port} (${result.target.address}, IPv${result.target.family ?? '?'})`;
  lines.push(`  connect   ${clean(where)}, ${result.sni === null ? 'no SNI' : `SNI ${result.sni}`}, offering ${result.offer.keyType === 'any' ? 'any key type' : result.offer.keyType.toUpperCase()}`);
  if (result.tls !== null) {
    lines.push(`  tls       ${result.tls.protocol ?? '?'}, ${result.tls.cipher ?? '?'}, ALPN ${result.tls.alpn ?? 'none'}, OCSP ${result.tls.ocspStapled ? 'stapled' : 'not stapled'}`);
  }
  if (result.trust !== null) {
    const store = result.trust.store === 'default' ? 'default roots' : `bundled roots + ${clean(result.trust.extraRootsLabel ?? 'extra roots')}`;
    lines.push(`  trust     ${result.trust.authorized ? 'trusted' : `not trusted: ${clean(result.trust.error ?? 'unknown')}`} (${store})`);
  }
  if (result.hostnameMatch !== null) {
    lines.push(`  name      ${result.hostnameMatch ? 'matches' : `does not match: ${clean(result.hostnameError ?? '')}`}`);
  }
  if (result.error !== null) {
    lines.push(`  error     ${result.error.code} at ${result.error.stage}: ${clean(result.error.message)}`);
  }
  lines.push(`  timings   dns ${ms(result.timings.dnsMs)} · connect ${ms(result.timings.connectMs)} · tls ${ms(result.timings.tlsMs)} · total ${ms(result.timings.totalMs)}`);
  for (const report of [result.dns.connect, result.dns.servername]) {
    if (report !== null) {
      lines.push(`  dns       ${dnsLine(report)}`);
    }
  }
  if (result.chain.length > 0) {
    lines.push('  chain (as served, in the order sent)');
    result.chain.forEach((cert, index) => lines.push(...certificateLines(cert, index)));
  }
  return `${lines.join('\n')}\n`;
}

export function formatMatrixText(matrix: MatrixResult): string {
  if (matrix.failure !== null) {
    return formatProbeText(matrix.failure);
  }
  const lines = [`${matrix.verdict.toUpperCase()}  ${clean(matrix.servername)}: ${matrix.cells.length} probes over ${matrix.addresses.map(clean).join(', ')}`];
  lines.push('  address                                  offer  sni     verdict                 served');
  for (const cell of matrix.cells) {
    const leaf = cell.result.chain[0];
    const served = leaf === undefined ? (cell.result.error?.code ?? '–') : `${clean(leaf.commonName ?? leaf.subject)} ${leaf.keyType ?? ''} ${leaf.serialNumber.slice(0, 12)}`;
    const flag = cell.differs.length > 0 ? `  ≠ ${cell.differs.join(', ')}` : '';
    lines.push(`  ${clean(cell.address).padEnd(40)} ${cell.keyType.padEnd(6)} ${(cell.sni ? 'yes' : 'no').padEnd(7)} ${cell.result.verdict.padEnd(23)} ${served}${flag}`);
  }
  if (matrix.differences.length > 0) {
    lines.push(`  differences: ${matrix.differences.map((difference) => difference.field).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
