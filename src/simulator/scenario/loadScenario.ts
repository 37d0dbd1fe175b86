import {
  clientCertificateStatuses, customCertificateStatuses, fallbackOriginStatuses, hostnameStatuses,
  packStatuses, permissionNames, tokenStatuses, zoneStatuses, type Scenario,
} from '../model';
import { checkNetwork } from './checkNetwork';
import { ScenarioError } from './scenarioError';
import { isRelativeTime, parseDuration } from './time';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, field: string): Json {
  if (!isObject(value)) {
    throw new ScenarioError(field, 'must be an object');
  }
  return value;
}

function array(value: unknown, field: string, optional = false): unknown[] {
  if (value === undefined && optional) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ScenarioError(field, 'must be an array');
  }
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ScenarioError(field, 'must be a non-empty string');
  }
  return value;
}

function oneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ScenarioError(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  }
}

function date(value: unknown, field: string): void {
  if (value === undefined || value === null) {
    return;
  }
  if (typeof value !== 'string' || (!isRelativeTime(value) && Number.isNaN(Date.parse(value)))) {
    throw new ScenarioError(field, `must be an ISO date or "now±N[s|m|h|d]" (got ${JSON.stringify(value)})`);
  }
}

function checkSim(value: unknown, field: string, statuses: readonly string[]): void {
  if (value === undefined) {
    return;
  }
  const sim = object(value, field);
  if (sim['path'] !== undefined) oneOf(sim['path'], ['advance', 'hold', 'timeout'], `${field}.path`);
  if (sim['renewal'] !== undefined) oneOf(sim['renewal'], ['succeed', 'fail'], `${field}.renewal`);
  if (sim['deploy'] !== undefined) oneOf(sim['deploy'], ['staging', 'production'], `${field}.deploy`);
  if (sim['stepSeconds'] !== undefined && !(typeof sim['stepSeconds'] === 'number' && sim['stepSeconds'] > 0)) {
    throw new ScenarioError(`${field}.stepSeconds`, 'must be a positive number');
  }
  array(sim['events'], `${field}.events`, true).forEach((item, index) => {
    const event = object(item, `${field}.events[${index}]`);
    if (parseDuration(text(event['after'], `${field}.events[${index}].after`)) === undefined) {
      throw new ScenarioError(`${field}.events[${index}].after`, 'must be a duration such as "90s", "5m", "2h" or "1d"');
    }
    const target = event['field'] === 'ssl.status' ? packStatuses : statuses;
    oneOf(event['status'], target, `${field}.events[${index}].status`);
  });
}

function checkObjects(list: unknown, field: string, statuses: readonly string[], check?: (item: Json, at: string) => void): void {
  const ids = new Set<string>();
  array(list, field, true).forEach((item, index) => {
    const at = `${field}[${index}]`;
    const value = object(item, at);
    const id = text(value['id'], `${at}.id`);
    if (ids.has(id)) {
      throw new ScenarioError(`${at}.id`, `duplicate id ${id}`);
    }
    ids.add(id);
    oneOf(value['status'], statuses, `${at}.status`);
    checkSim(value['sim'], `${at}.sim`, statuses);
    for (const key of ['expires_on', 'uploaded_on', 'modified_on', 'issued_on', 'created_at', 'created_on']) date(value[key], `${at}.${key}`);
    check?.(value, at);
  });
}

function checkZone(value: Json, at: string, accountIds: Set<string>): void {
  text(value['id'], `${at}.id`);
  text(value['name'], `${at}.name`);
  if (!accountIds.has(text(value['accountId'], `${at}.accountId`))) {
    throw new ScenarioError(`${at}.accountId`, `names no account of the scenario (${String(value['accountId'])})`);
  }
  oneOf(value['status'], zoneStatuses, `${at}.status`);
  if (value['sslMode'] !== undefined) oneOf(value['sslMode'], ['off', 'flexible', 'full', 'strict'], `${at}.sslMode`);
  date(value['created_on'], `${at}.created_on`);
  date(value['activated_on'], `${at}.activated_on`);
  checkSim(value['sim'], `${at}.sim`, zoneStatuses);
  checkObjects(value['certificatePacks'], `${at}.certificatePacks`, packStatuses, (pack, packAt) => {
    array(pack['hosts'], `${packAt}.hosts`);
    array(pack['certificates'], `${packAt}.certificates`, true).forEach((certificate, index) => {
      date(object(certificate, `${packAt}.certificates[${index}]`)['expires_on'], `${packAt}.certificates[${index}].expires_on`);
    });
  });
  checkObjects(value['customCertificates'], `${at}.customCertificates`, customCertificateStatuses, (certificate, certAt) => {
    array(certificate['hosts'], `${certAt}.hosts`);
  });
  checkObjects(value['customHostnames'], `${at}.customHostnames`, hostnameStatuses, (hostname, hostAt) => {
    text(hostname['hostname'], `${hostAt}.hostname`);
    const ssl = object(hostname['ssl'], `${hostAt}.ssl`);
    oneOf(ssl['status'], packStatuses, `${hostAt}.ssl.status`);
  });
  checkObjects(value['clientCertificates'], `${at}.clientCertificates`, clientCertificateStatuses);
  if (value['fallbackOrigin'] !== undefined) {
    const origin = object(value['fallbackOrigin'], `${at}.fallbackOrigin`);
    oneOf(origin['status'], fallbackOriginStatuses, `${at}.fallbackOrigin.status`);
    text(origin['origin'], `${at}.fallbackOrigin.origin`);
    checkSim(origin['sim'], `${at}.fallbackOrigin.sim`, fallbackOriginStatuses);
  }
}

/** Checks a parsed scenario file and returns it typed; throws ScenarioError naming the first bad field. */
export function loadScenario(json: unknown): Scenario {
  const root = object(json, '(root)');
  text(root['name'], 'name');
  const accountIds = new Set<string>();
  array(root['accounts'], 'accounts').forEach((item, index) => {
    const account = object(item, `accounts[${index}]`);
    accountIds.add(text(account['id'], `accounts[${index}].id`));
    text(account['name'], `accounts[${index}].name`);
  });
  const tokenValues = new Set<string>();
  array(root['tokens'], 'tokens').forEach((item, index) => {
    const at = `tokens[${index}]`;
    const token = object(item, at);
    text(token['id'], `${at}.id`);
    tokenValues.add(text(token['value'], `${at}.value`));
    oneOf(token['status'], tokenStatuses, `${at}.status`);
    array(token['permissions'], `${at}.permissions`).forEach((permission, p) => oneOf(permission, permissionNames, `${at}.permissions[${p}]`));
    if (token['accountId'] !== undefined && !accountIds.has(text(token['accountId'], `${at}.accountId`))) {
      throw new ScenarioError(`${at}.accountId`, 'names no account of the scenario');
    }
    date(token['expires_on'], `${at}.expires_on`);
    date(token['not_before'], `${at}.not_before`);
  });
  array(root['globalKeys'], 'globalKeys', true).forEach((item, index) => {
    const key = object(item, `globalKeys[${index}]`);
    text(key['email'], `globalKeys[${index}].email`);
    text(key['key'], `globalKeys[${index}].key`);
  });
  const zoneIds = new Set<string>();
  array(root['zones'], 'zones').forEach((item, index) => {
    const zone = object(item, `zones[${index}]`);
    checkZone(zone, `zones[${index}]`, accountIds);
    const id = String(zone['id']);
    if (zoneIds.has(id)) {
      throw new ScenarioError(`zones[${index}].id`, `duplicate zone id ${id}`);
    }
    zoneIds.add(id);
  });
  if (root['demoToken'] !== undefined && !tokenValues.has(text(root['demoToken'], 'demoToken'))) {
    throw new ScenarioError('demoToken', 'must be the value of one of the scenario tokens');
  }
  checkNetwork(root);
  return root as unknown as Scenario;
}
