import { summarize, worstSeverity, type Diagnosis, type Finding } from '../diagnose';

const kindLabels: Readonly<Record<Diagnosis['kind'], string>> = { customHostname: 'custom hostname', certificatePack: 'certificate pack' };

function findingLines(finding: Finding): string[] {
  const lines = [`  ${finding.severity.padEnd(8)} ${finding.code.padEnd(24)} ${finding.message}`];
  if (finding.fix !== null) lines.push(`  ${''.padEnd(8)} ${'fix'.padEnd(24)} ${finding.fix.text}`);
  return lines;
}

/** The readable report, in the style of `cfcerts probe`: verdict first, then each finding, then the next step. */
export function renderDiagnosisText(diagnoses: readonly Diagnosis[]): string {
  if (diagnoses.length === 0) return 'Nothing to diagnose: no object is stuck.\n';
  const blocks = diagnoses.map((diagnosis) => {
    const statuses = diagnosis.kind === 'customHostname' ? `status ${diagnosis.status ?? '–'}, certificate ${diagnosis.ssl_status ?? '–'}` : `status ${diagnosis.status ?? '–'}`;
    return [
      `${worstSeverity(diagnosis.findings).toUpperCase().padEnd(8)} ${diagnosis.hosts.join(', ')}  (${kindLabels[diagnosis.kind]} ${diagnosis.id} in ${diagnosis.zone}; ${statuses})`,
      ...diagnosis.findings.flatMap(findingLines),
      `  ${'next'.padEnd(8)} ${summarize(diagnosis)}`,
    ].join('\n');
  });
  const troubled = diagnoses.filter((diagnosis) => worstSeverity(diagnosis.findings) !== 'ok' && worstSeverity(diagnosis.findings) !== 'info').length;
  return `${blocks.join('\n\n')}\n\n${diagnoses.length} object(s) diagnosed, ${troubled} with a problem or a check that could not tell.\n`;
}
