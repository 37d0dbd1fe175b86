import { cliCommands } from './commands';
import { ExitCode, type CliIo } from './io';
import { safeIo } from './safeIo';
import { terminalField, terminalText } from '../shared/terminalText';

/** The package's version, written in by esbuild.js; `dev` when running from source (tests). */
declare const CFCERTS_VERSION: string | undefined;
export const cliVersion = typeof CFCERTS_VERSION === 'string' ? CFCERTS_VERSION : 'dev';

function usage(): string {
  const width = Math.max(0, ...cliCommands.map((command) => command.name.length));
  const lines = cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'cfcerts: Cloudflare certificates from the command line.',
    '',
    'Usage: cfcerts <command> [options]',
    '       cfcerts --version',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none yet)']),
    '',
    'Run `cfcerts <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs one command line and resolves to the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Every byte a command writes passes the one terminal-text rule.
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`cfcerts ${cliVersion}\n`);
    return ExitCode.ok;
  }
  const entry = cliCommands.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    io.stderr(`cfcerts: unknown command '${terminalField(name)}'.\n\n${usage()}`);
    return ExitCode.usage;
  }
  // Loaded now, not before: `cfcerts --help` and `--version` load no command's code.
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    signal: controller.signal,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(terminalText(`cfcerts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
      process.exitCode = ExitCode.usage;
    },
  );
}
