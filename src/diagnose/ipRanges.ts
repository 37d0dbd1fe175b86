import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Cloudflare's address ranges as `GET /ips` lists them, for "is this address Cloudflare's?". */
export interface IpRanges {
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
}

/** A matcher over the ranges; malformed CIDRs (an untrusted answer) are skipped. */
export function rangeMatcher(ranges: IpRanges): (address: string) => boolean {
  const list = new BlockList();
  const add = (cidr: string, family: 'ipv4' | 'ipv6'): void => {
    const [network = '', bits = ''] = cidr.split('/');
    const prefix = Number(bits);
    const valid = family === 'ipv4' ? isIPv4(network) && prefix >= 0 && prefix <= 32 : isIPv6(network) && prefix >= 0 && prefix <= 128;
    if (valid && /^\d+$/.test(bits)) list.addSubnet(network, prefix, family);
  };
  ranges.ipv4.slice(0, 1000).forEach((cidr) => add(cidr, 'ipv4'));
  ranges.ipv6.slice(0, 1000).forEach((cidr) => add(cidr, 'ipv6'));
  return (address) => (isIPv4(address) ? list.check(address, 'ipv4') : isIPv6(address) ? list.check(address, 'ipv6') : false);
}
