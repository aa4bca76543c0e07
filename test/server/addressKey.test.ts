// What the per-address limits count by: IPv4 as itself, IPv6 by its /64.
import { expect, it } from 'vitest';
import { addressKey } from '../../server/access/addressKey.js';

it.each([
  ['127.0.0.1', '127.0.0.1'],
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['::FFFF:10.1.2.3', '10.1.2.3'],
  ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
  ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
  ['2001:0db8:0001:0002:ffff:0:0:1', '2001:db8:1:2::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
  ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ['forwarded-untrusted', 'forwarded-untrusted'],
  ['unknown', 'unknown'],
])('%s counts as %s', (address, key) => expect(addressKey(address)).toBe(key));

it('every address of one /64 counts as one, and the next /64 apart', () => {
  expect(addressKey('2001:db8:a:b::1')).toBe(addressKey('2001:db8:a:b:ffff:ffff:ffff:ffff'));
  expect(addressKey('2001:db8:a:b::1')).not.toBe(addressKey('2001:db8:a:c::1'));
});
