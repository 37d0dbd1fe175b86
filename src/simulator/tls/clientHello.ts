/**
 * Reads a TLS ClientHello far enough to see whether the client can verify ECDSA
 * certificates. Cloudflare serves the ECDSA certificate of a pack to clients that offer
 * it and the RSA one to the rest; Node cannot choose between two certificates inside an
 * SNI callback, so the edge decides from the hello before TLS starts.
 */

const ecdsaSignatureSchemes = new Set([0x0403, 0x0503, 0x0603, 0x0203]);
const ecdsaCipherSuites = new Set([0xc02b, 0xc02c, 0xc009, 0xc00a, 0xc023, 0xc024, 0xcca9, 0xc0ac, 0xc0ad]);

/** The full length of the first TLS record, once its header is in; undefined before. */
export function firstRecordLength(data: Buffer): number | undefined {
  return data.length >= 5 ? 5 + data.readUInt16BE(3) : undefined;
}

/** True when the hello offers an ECDSA signature scheme with a suite that can use it, or (no scheme list) an ECDSA suite. */
export function offersEcdsa(data: Buffer): boolean {
  try {
    // record header (5) + handshake header (4) + version (2) + random (32)
    let at = 5 + 4 + 2 + 32;
    at += 1 + data.readUInt8(at); // session id
    const suitesLength = data.readUInt16BE(at);
    const suites: number[] = [];
    for (let index = 0; index < suitesLength; index += 2) suites.push(data.readUInt16BE(at + 2 + index));
    at += 2 + suitesLength;
    at += 1 + data.readUInt8(at); // compression methods
    const end = at + 2 + data.readUInt16BE(at);
    at += 2;
    // A suite must allow an ECDSA certificate: any TLS 1.3 suite, or an ECDHE-ECDSA one.
    const suiteAllows = suites.some((suite) => ecdsaCipherSuites.has(suite) || (suite >= 0x1301 && suite <= 0x1305));
    while (at + 4 <= end) {
      const type = data.readUInt16BE(at);
      const length = data.readUInt16BE(at + 2);
      if (type === 0x000d) {
        const listLength = data.readUInt16BE(at + 4);
        for (let index = 0; index < listLength; index += 2) {
          if (ecdsaSignatureSchemes.has(data.readUInt16BE(at + 6 + index))) return suiteAllows;
        }
        return false;
      }
      at += 4 + length;
    }
    return suites.some((suite) => ecdsaCipherSuites.has(suite));
  } catch {
    // A truncated or odd hello: fall back to RSA, which every client can verify.
    return false;
  }
}
