/**
 * The fixture the e2e suites share: a simulator, and a workbench whose extension reads it
 * (the demo token in the environment, the API base URL in the settings), opened before a
 * suite's tests and closed after them. A test that fails leaves a screenshot of what the
 * workbench showed, for the person reading the log.
 */
import { simulatorNetworkSettings, startSimulator, type RunningSimulator, type StartSimulatorOptions } from '../../src/simulator';
import { openWorkbench, type Workbench } from './workbench';
import { treeMoves } from './treeScrollRecorder';
import { noCredentials, sidebarRows } from './workbenchUi';

export interface SimulatorWorkbenchOptions {
  /** The colour theme, e.g. "Default Dark Modern". */
  readonly theme: string;
  /** The name of the screenshot a failing test leaves, e.g. "failed-panels-dark". */
  readonly failureScreenshot: string;
  /** Passed to the simulator; it starts without lifecycle progression unless told. */
  readonly simulator?: StartSimulatorOptions;
  /** Send every probe to the simulator's TLS edge and trust its root CA. */
  readonly probeTheEdge?: boolean;
  /** Runs once the simulator is up, before the workbench opens (e.g. to age a certificate). */
  readonly prepare?: (simulator: RunningSimulator) => void;
  /** The folder to open (the shared fixture by default); made once the simulator is up. */
  readonly folder?: () => string;
  /** Open the folder untrusted, in Restricted Mode. */
  readonly restrictedMode?: boolean;
}

export interface SimulatorWorkbench {
  readonly simulator: RunningSimulator;
  readonly workbench: Workbench;
}

/**
 * Registers the suite's hooks; call it inside `describe`. The returned object's fields are
 * there from the first test on.
 */
export function useSimulatorWorkbench(options: SimulatorWorkbenchOptions): SimulatorWorkbench {
  let simulator: RunningSimulator | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, ...(options.probeTheEdge === true ? { tlsPort: 0 } : {}), ...options.simulator });
    options.prepare?.(simulator);
    workbench = await openWorkbench({
      env: { ...noCredentials, CLOUDFLARE_API_TOKEN: simulator.demoToken },
      settings: {
        'workbench.colorTheme': options.theme,
        'cloudflareCertificates.apiBaseUrl': simulator.apiBaseUrl,
        // Sticky ancestor rows would lie over the rows the tests click.
        'workbench.tree.enableStickyScroll': false,
        ...(options.probeTheEdge === true ? edgeSettings(simulator) : {}),
      },
      ...(options.folder === undefined ? {} : { folder: options.folder() }),
      ...(options.restrictedMode === true ? { restrictedMode: true } : {}),
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || workbench === undefined) return;
    await workbench.screenshot(options.failureScreenshot);
    workbench.keepLogs(options.failureScreenshot);
    // The tree is virtual and a screenshot shows a part of it: say which rows it drew.
    console.log(`      the sidebar tree's rows when the test failed:\n${await sidebarRows(workbench.page)}`);
    console.log(`      how the sidebar tree moved before (scroll position, content height):\n${await treeMoves(workbench.page)}`);
  });

  after(async () => {
    try {
      await workbench?.close();
    } finally {
      // Whatever the workbench's close did, the simulator stops: a server left listening
      // would keep mocha from exiting.
      await simulator?.close();
    }
  });

  const notYet = (): never => {
    throw new Error('the workbench is not open yet: use it inside a test');
  };
  return {
    get simulator() {
      return simulator ?? notYet();
    },
    get workbench() {
      return workbench ?? notYet();
    },
  };
}

/**
 * Every probe goes to the simulator's TLS edge, whatever the name, and trusts its root CA;
 * Diagnose asks its DNS server and fetches from its HTTP server: as `npm run demo` does.
 */
function edgeSettings(simulator: RunningSimulator): Record<string, unknown> {
  if (simulator.tls === undefined) throw new Error('the simulator started without its TLS edge');
  return simulatorNetworkSettings(simulator);
}
