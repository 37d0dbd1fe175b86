/**
 * A served certificate as PEM, kept with its summary so the chain can be shown and copied
 * as the server sent it ("Open Served Chain", `cfcerts probe --json`).
 *
 * Bounded: a peer decides how big its certificates are, and a result is kept in memory
 * and printed. Real certificates are 1–3 KB of DER (a few hundred SANs stay under 16 KB);
 * anything larger is not kept (`pem: null`), its summary still is.
 */

/** The largest certificate (DER bytes) whose PEM is kept. */
export const MAX_PEM_DER_BYTES = 32 * 1024;

/** `-----BEGIN CERTIFICATE-----`, base64 in 64-character lines, `-----END CERTIFICATE-----`, final newline. */
export function pemOf(der: Uint8Array, maxBytes = MAX_PEM_DER_BYTES): string | null {
  if (der.length === 0 || der.length > maxBytes) return null;
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.length).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 64) lines.push(base64.slice(at, at + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
