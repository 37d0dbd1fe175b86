import { summarize, worstSeverity, type Diagnosis, type Finding } from '../diagnose';
import { terminalField as field } from '../shared/terminalText';

const kindLabels: Readonly<Record<Diagnosis['kind'], string>> = { customHostname: 'custom hostname', certificatePack: 'certificate pack' };

function findingLines(finding: Finding): string[] {
  const lines = [`  ${finding.severity.padEnd(8)} ${finding.code.padEnd(24)} ${field(finding.message)}`];
  if (finding.fix !== null) lines.push(`  ${''.padEnd(8)} ${'fix'.padEnd(24)} ${field(finding.fix.text)}`);
  return lines;
}

/** The readable report, in the style of `cfcerts probe`: verdict first, then each finding, then the next step. */
export function renderDiagnosisText(diagnoses: readonly Diagnosis[]): string {
  if (diagnoses.length === 0) return 'Nothing to diagnose: no object is stuck.\n';
  const blocks = diagnoses.map((diagnosis) => {
    const statuses = diagnosis.kind === 'customHostname' ? `status ${field(diagnosis.status ?? '–')}, certificate ${field(diagnosis.ssl_status ?? '–')}` : `status ${field(diagnosis.status ?? '–')}`;
    // Every value from the API, DNS or HTTP is one field: no newline or control of theirs reaches the terminal.
    return [
      `${worstSeverity(diagnosis.findings).toUpperCase().padEnd(8)} ${diagnosis.hosts.map(field).join(', ')}  (${kindLabels[diagnosis.kind]} ${field(diagnosis.id)} in ${field(diagnosis.zone)}; ${statuses})`,
      ...diagnosis.findings.flatMap(findingLines),
      `  ${'next'.padEnd(8)} ${field(summarize(diagnosis))}`,
    ].join('\n');
  });
  const troubled = diagnoses.filter((diagnosis) => worstSeverity(diagnosis.findings) !== 'ok' && worstSeverity(diagnosis.findings) !== 'info').length;
  return `${blocks.join('\n\n')}\n\n${diagnoses.length} object(s) diagnosed, ${troubled} with a problem or a check that could not tell.\n`;
}
