/** The simulator's public surface: the Cloudflare API + TLS edge stand-in for demo, tests and benchmarks. */
export { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './startSimulator';
export { demoCnameTargets, simulatorNetworkSettings } from './demoSettings';
export { loadScenario } from './scenario/loadScenario';
export { ScenarioError } from './scenario/scenarioError';
export { generateLargeAccount, type LargeAccountOptions } from './scenario/generateLargeAccount';
export { parseFaultSpec, FaultSpecError, type FaultSpec } from './http/faults';
export { routeFamilies, routeTable } from './routes/routeTable';
export { SimulatorState, apiView, statusOf, type Located, type SimObjectKind, type StatusField, type ZoneState } from './state/simulatorState';
export type { Scenario, ScenarioToken, ScenarioZone, SimObject, Permission, SimDirectives } from './model';
export {
  packStatuses, hostnameStatuses, customCertificateStatuses, clientCertificateStatuses,
  fallbackOriginStatuses, zoneStatuses, tokenStatuses, permissionNames,
} from './model';
