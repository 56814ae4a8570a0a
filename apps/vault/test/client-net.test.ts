import { describe, expect, test } from 'vitest';
import { clientNet } from '../src/auth/client-net';

describe('clientNet: the client as per-client limits count it', () => {
  test.each([
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ffff', 64, '2001:db8:1:2::/64'],
    ['2001:db8:1:2ff::1', 56, '2001:db8:1:200::/56'],
    ['2001:db8:abcd:12::1', 48, '2001:db8:abcd::/48'],
    ['fe80::1%eth0', 64, 'fe80::/64'],
    ['::1', 128, '::1/128'],
    ['2001:db8::1.2.3.4', 128, '2001:db8::102:304/128'],
    ['192.0.2.7', 64, '192.0.2.7'],
    ['::ffff:192.0.2.7', 64, '192.0.2.7'],
    ['unknown', 64, 'unknown'],
  ])('%s with prefix %s → %s', (ip, prefix, net) => {
    expect(clientNet(ip, prefix)).toBe(net);
  });
  test('two addresses of one /64 are one client; neighbouring /64s are two', () => {
    expect(clientNet('2001:db8:0:1::a', 64)).toBe(clientNet('2001:db8:0:1:ffff:ffff:ffff:ffff', 64));
    expect(clientNet('2001:db8:0:1::a', 64)).not.toBe(clientNet('2001:db8:0:2::a', 64));
  });
});
