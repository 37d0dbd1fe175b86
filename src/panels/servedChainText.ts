import type { CertificateSummary, ProbeResult } from '../probe';
import { MAX_PEM_DER_BYTES } from '../probe/pem';
import { terminalField } from '../shared/terminalText';
import { cap, utcTime, type TimeFormat } from './text';

/**
 * The text of "Open Served Chain": every certificate each probe was served, as PEM, in the
 * order the server sent them. A `#` line before each says which it is; PEM readers
 * (openssl, Node's `tls`, curl's `--cacert`) skip lines outside BEGIN/END, so the whole
 * text can be saved and handed to them. Names come from certificates and DNS, so they are
 * untrusted: each is capped and kept on its comment line (controls and bidi escaped), and
 * a comment line never starts with `-----`.
 */
export function servedChainText(results: readonly ProbeResult[], format: TimeFormat = utcTime): string {
  if (results.length === 0) return '# No probe result to show.\n';
  return results.map((result) => probeSection(result, format)).join('\n');
}

function probeSection(result: ProbeResult, format: TimeFormat): string {
  const { target } = result;
  const where = `${target.host}:${target.port}${target.address === null || target.address === target.host ? '' : ` (${target.address})`}`;
  const probedAt = Date.parse(result.probedAt);
  const lines = [
    comment(`Served chain of ${name(result)}: SNI ${result.sni ?? 'none'} → ${where}`),
    comment(`Probed ${Number.isNaN(probedAt) ? result.probedAt : format(probedAt)}; verdict ${result.verdict}.`),
  ];
  if (result.chain.length === 0) {
    lines.push(comment(result.error === null ? 'No certificate was served.' : `No certificate was served: ${result.error.message}`));
    return `${lines.join('\n')}\n`;
  }
  lines.push(comment(`${result.chain.length} ${result.chain.length === 1 ? 'certificate' : 'certificates'}, in the order the server sent them.`), '');
  result.chain.forEach((certificate, index) => lines.push(...certificateLines(certificate, index)));
  return `${lines.join('\n')}\n`;
}

function certificateLines(certificate: CertificateSummary, index: number): string[] {
  return [
    comment(`${index}: ${certificate.subject || '(no subject)'}`),
    comment(`   issuer ${certificate.issuer || '(none)'}`),
    comment(`   serial ${certificate.serialNumber} · valid ${certificate.validFrom} to ${certificate.validTo}`),
    comment(`   SHA-256 ${certificate.fingerprint256}`),
    certificate.pem === null ? comment(`   (Larger than ${MAX_PEM_DER_BYTES / 1024} KB: its PEM was not kept.)`) : certificate.pem.trimEnd(),
    '',
  ];
}

function name(result: ProbeResult): string {
  return result.servernameUnicode === result.servername ? result.servername : `${result.servernameUnicode} (${result.servername})`;
}

/** One `# ` line: capped, controls and bidi escaped, so it can neither break nor pose as PEM. */
function comment(text: string): string {
  return `# ${terminalField(cap(text, 600))}`;
}
