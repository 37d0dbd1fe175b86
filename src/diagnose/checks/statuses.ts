/** Certificate statuses where a CA is still checking: validation or issuance pending, or timed out in one. */
export const awaitingCa: ReadonlySet<string> = new Set(['pending_validation', 'pending_issuance', 'validation_timed_out', 'issuance_timed_out']);

/** Statuses where domain control validation is (or was, until it timed out) under way. */
export const awaitingValidation: ReadonlySet<string> = new Set(['pending_validation', 'validation_timed_out']);
