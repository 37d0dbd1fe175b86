/**
 * How long a CLI run waits on the Cloudflare API, for every command that reads it: one
 * rule, so `inventory` and `diagnose` give up alike.
 */

/** The longest Retry-After a run sits out unless asked (`--max-wait`): not the extension's 5 minutes. */
export const defaultMaxWaitSeconds = 60;

/** The no-progress deadline: longer than a long Retry-After wait, short enough to notice a hang. */
export const defaultTimeoutSeconds = 120;
