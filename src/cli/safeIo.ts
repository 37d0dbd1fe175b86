import type { CliIo } from './io';
import { terminalText } from '../shared/terminalText';

/**
 * The CliIo every command gets: whatever it writes passes `terminalText`. JSON made by
 * `terminalJson` passes unchanged; anything else that forgot is still made safe.
 */
export function safeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text)),
  };
}
