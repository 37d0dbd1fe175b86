/** What a CLI command may touch of the outside world, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl+C; long-running commands stop cleanly. */
  readonly signal: AbortSignal;
  /** What `--hosts -` reads; process.stdin when absent. */
  readonly stdin?: AsyncIterable<string | Buffer | Uint8Array>;
}

/** A command of `cfcerts`: `run` resolves to the process exit code. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  problemsFound: 1,
  usage: 2,
} as const;
