import type { CheckName } from './finding';

/** Every check, by name: each also reports `<check>-ok` and `<check>-unknown`. */
export const checkNames: readonly CheckName[] = ['dns', 'proxied', 'cname', 'ownership', 'caa', 'txt', 'dcv-delegation', 'http'];

/** The problem codes the checks report (a unit test reads the checks' source to keep this whole). */
export const problemCodes = [
  'dns-not-found', 'dns-cname-loop',
  'proxied-elsewhere',
  'cname-not-pointing',
  'ownership-txt-missing',
  'caa-blocks-ca',
  'txt-missing', 'txt-mismatch',
  'dcv-delegation-missing', 'dcv-delegation-shadowed',
  'http-unreachable', 'http-redirect', 'http-token-mismatch',
] as const;

/** Every finding code a diagnosis can report: what the demo must show, one object at least each. */
export const findingCodes: readonly string[] = [...checkNames.flatMap((check) => [`${check}-ok`, `${check}-unknown`]), ...problemCodes];
