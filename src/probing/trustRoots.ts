import { nodeFsPromises } from '../shared/nodeModules';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type { TrustRoots } from '../probe';
import { AppError } from '../shared/appError';

/**
 * The extra roots of `cloudflareCertificates.probe.caFile`, read at each run so an edited
 * file counts at once. `~/` means the home folder. Undefined when the setting is empty.
 */
export async function readTrustRoots(file: string): Promise<TrustRoots | undefined> {
  if (file === '') return undefined;
  const path = file.startsWith('~/') ? join(homedir(), file.slice(2)) : file;
  let pem: string;
  try {
    pem = await nodeFsPromises().readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('probe_ca_file', `Cannot read the probe CA file "${file}" (setting cloudflareCertificates.probe.caFile): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new AppError('probe_ca_file', `The probe CA file "${file}" (setting cloudflareCertificates.probe.caFile) holds no PEM certificate.`);
  }
  return { pem, label: basename(path) };
}
