import { inspect } from 'node:util';
import type * as vscode from 'vscode';
import type { Logger } from '../shared/logger';

/** Adapts the extension's one LogOutputChannel to the core's Logger interface. */
export function loggerFromChannel(channel: vscode.LogOutputChannel): Logger {
  const format = (args: readonly unknown[]): string =>
    args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : typeof arg === 'string' ? arg : inspect(arg, { depth: 4 }))).join(' ');
  const line = (message: string, args: readonly unknown[]): string => (args.length === 0 ? message : `${message} ${format(args)}`);
  return {
    trace: (message, ...args) => channel.trace(line(message, args)),
    debug: (message, ...args) => channel.debug(line(message, args)),
    info: (message, ...args) => channel.info(line(message, args)),
    warn: (message, ...args) => channel.warn(line(message, args)),
    error: (message, ...args) => channel.error(message instanceof Error ? (message.stack ?? message.message) : line(message, args)),
  };
}
