/**
 * SSRF guard: which resolved addresses a fetch may connect to. Only globally routable unicast
 * addresses pass; private (10/8, 172.16/12, 192.168/16), loopback, link-local (169.254/16,
 * fe80::/10, which includes cloud metadata endpoints), unique-local (fc00::/7), CGNAT
 * (100.64/10), multicast, broadcast, unspecified, reserved and the IPv6 ranges that embed an
 * IPv4 address (mapped, NAT64, 6to4, Teredo) are refused. IPv4-mapped IPv6 (::ffff:10.0.0.1) is
 * judged by its IPv4 address.
 */
import ipaddr from 'ipaddr.js';

export type AddressRange = string;

/** The ipaddr.js range name of an IP literal (e.g. 'unicast', 'private', 'loopback'), or 'invalid'. */
export function addressRange(ip: string): AddressRange {
  if (!ipaddr.isValid(ip)) return 'invalid';
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.range();
}

/** True when a fetch may connect to `ip` without `allowPrivate`. */
export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === 'unicast';
}

/** The host part of a URL as an IP literal, or null for a name ("[::1]" -> "::1"). */
export function ipLiteral(hostname: string): string | null {
  const h = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(h) && (h.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(h)) ? h : null;
}
