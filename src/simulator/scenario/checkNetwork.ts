import { isIPv4, isIPv6 } from 'node:net';
import { dnsFaultKinds, dnsRecordTypes } from '../model';
import { ScenarioError } from './scenarioError';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function need(condition: boolean, field: string, problem: string): void {
  if (!condition) throw new ScenarioError(field, problem);
}

/** Loopback only: a story can never send a client, a probe or a fetch to a real address. */
function isLoopback(address: string): boolean {
  return (isIPv4(address) && address.startsWith('127.')) || (isIPv6(address) && (address === '::1' || address === '0:0:0:0:0:0:0:1'));
}

function checkCidr(cidr: unknown, field: string, family: 4 | 6): void {
  need(typeof cidr === 'string', field, 'must be a CIDR string');
  const [network = '', bits = ''] = String(cidr).split('/');
  const prefix = Number(bits);
  if (family === 4) need(isIPv4(network) && network.startsWith('127.') && /^\d+$/.test(bits) && prefix >= 8 && prefix <= 32, field, 'must be a range inside 127.0.0.0/8');
  else need(network === '::1' && bits === '128', field, 'must be ::1/128 (the only IPv6 loopback range)');
}

function checkRecord(value: unknown, at: string): void {
  need(isObject(value), at, 'must be an object');
  const record = value as Json;
  need(typeof record['name'] === 'string' && record['name'] !== '', `${at}.name`, 'must be a non-empty string');
  need(dnsRecordTypes.includes(record['type'] as (typeof dnsRecordTypes)[number]), `${at}.type`, `must be one of ${dnsRecordTypes.join(', ')}`);
  const data = record['value'];
  switch (record['type']) {
    case 'A':
    case 'AAAA':
      need(typeof data === 'string' && isLoopback(data) && (record['type'] === 'A' ? isIPv4(data) : isIPv6(data)), `${at}.value`, 'must be a loopback address (127.0.0.0/8 or ::1)');
      break;
    case 'CNAME':
      need(typeof data === 'string' && data !== '', `${at}.value`, 'must be a host name');
      break;
    case 'TXT': {
      const strings = typeof data === 'string' ? [data] : Array.isArray(data) ? data : undefined;
      need(strings !== undefined && strings.length > 0 && strings.every((item) => typeof item === 'string' && Buffer.byteLength(item) <= 255),
        `${at}.value`, 'must be a string or strings of at most 255 bytes each');
      break;
    }
    default: {
      const caa = isObject(data) ? data : {};
      need(typeof caa['tag'] === 'string' && typeof caa['value'] === 'string', `${at}.value`, 'must be { flags?, tag, value }');
    }
  }
}

/** Checks the scenario's `dns`, `http` and `ips`: what the diagnosis's DNS and HTTP servers answer. */
export function checkNetwork(root: Json): void {
  if (root['dns'] !== undefined) {
    need(isObject(root['dns']), 'dns', 'must be an object');
    const dns = root['dns'] as Json;
    need(Array.isArray(dns['records']), 'dns.records', 'must be an array');
    (dns['records'] as unknown[]).forEach((record, index) => checkRecord(record, `dns.records[${index}]`));
    if (dns['faults'] !== undefined) {
      need(Array.isArray(dns['faults']), 'dns.faults', 'must be an array');
      (dns['faults'] as unknown[]).forEach((fault, index) => {
        const value = isObject(fault) ? fault : {};
        need(typeof value['name'] === 'string', `dns.faults[${index}].name`, 'must be a string');
        need(dnsFaultKinds.includes(value['fault'] as (typeof dnsFaultKinds)[number]), `dns.faults[${index}].fault`, `must be one of ${dnsFaultKinds.join(', ')}`);
      });
    }
  }
  if (root['http'] !== undefined) {
    need(Array.isArray(root['http']), 'http', 'must be an array');
    (root['http'] as unknown[]).forEach((answer, index) => {
      const value = isObject(answer) ? answer : {};
      need(typeof value['host'] === 'string' && typeof value['path'] === 'string' && String(value['path']).startsWith('/'), `http[${index}]`, 'needs a host and a path starting with /');
      need(value['status'] === undefined || (Number.isInteger(value['status']) && Number(value['status']) >= 100 && Number(value['status']) <= 599), `http[${index}].status`, 'must be an HTTP status');
      need(value['reset'] === undefined || typeof value['reset'] === 'boolean', `http[${index}].reset`, 'must be true or false');
    });
  }
  if (root['ips'] !== undefined) {
    need(isObject(root['ips']), 'ips', 'must be an object');
    const ips = root['ips'] as Json;
    need(Array.isArray(ips['ipv4_cidrs']) && Array.isArray(ips['ipv6_cidrs']), 'ips', 'needs ipv4_cidrs and ipv6_cidrs arrays');
    (ips['ipv4_cidrs'] as unknown[]).forEach((cidr, index) => checkCidr(cidr, `ips.ipv4_cidrs[${index}]`, 4));
    (ips['ipv6_cidrs'] as unknown[]).forEach((cidr, index) => checkCidr(cidr, `ips.ipv6_cidrs[${index}]`, 6));
  }
}
