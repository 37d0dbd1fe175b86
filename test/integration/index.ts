import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The entry VS Code's extension host calls to run the integration suite (the same file
 * serves code-server here and @vscode/test-electron elsewhere). When the harness names a
 * report file, the reporter's lines are copied there too, because in code-server the
 * extension host's console reaches the browser, not a terminal.
 */
export async function run(): Promise<void> {
  const reportFile = process.env['CFCERTS_TEST_REPORT'];
  const restore = reportFile === undefined ? () => undefined : copyReporterOutput(reportFile);
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(__dirname, file));
    }
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) {
      throw new Error(`${failures} integration test(s) failed`);
    }
  } finally {
    restore();
  }
}

/** Mocha's reporters print through Base.consoleLog; send each line to the file as well. */
function copyReporterOutput(file: string): () => void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(file, `${format(...args)}\n`);
    original(...args);
  };
  return () => {
    base.consoleLog = original;
  };
}
