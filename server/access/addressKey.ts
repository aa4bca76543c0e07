// The unit the per-address limits count by. An IPv4 address is one; an IPv6 client usually holds a
// whole /64 (2^64 addresses, one per guess if each were counted apart), so IPv6 counts by its /64.
import { isIPv4, isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An IPv6 address's eight groups, `::` expanded (an embedded IPv4 tail counts as two groups). */
const groupsOf = (address: string): string[] => {
  const [head = '', tail] = address.split('::');
  const split = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = split(head);
  if (tail === undefined) return left;
  const right = split(tail);
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
};

/** The address as a limit counts it: IPv4 as itself (also when mapped into IPv6), IPv6 by its /64. */
export const addressKey = (address: string): string => {
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIPv4(address)) return address;
  const bare = address.split('%')[0] ?? '';
  if (!isIPv6(bare)) return address.slice(0, 64);
  const prefix = groupsOf(bare.toLowerCase())
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
};
