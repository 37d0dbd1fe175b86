/** The status catalog: every Cloudflare status value → label, stage, severity, icon, colour, actor, next step. */
export * from './types';
export * from './statusValues';
export { allStatuses, describeStatus, isKnownStatus, MAX_SHOWN_STATUS_LENGTH } from './describeStatus';
export { assess, type Assessment, PART_LABELS } from './assess';
export { compareSeverity, severityRank, worstSeverity } from './severity';
export { statusLegend, SEVERITY_MEANINGS, type LegendEntry } from './legend';
