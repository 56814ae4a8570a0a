import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, secretHeaders, type Harness } from './harness';

/** Secret-key IP allowlists: exact addresses and CIDR ranges, IPv4-mapped IPv6 treated as IPv4. */
let h: Harness;
let sk: string;
beforeAll(async () => {
  h = await makeHarness();
  const ips = ['10.0.0.0/8', '2001:db8::/32', '::ffff:192.0.2.7', '198.51.100.1', '::ffff:203.0.113.0/120'];
  sk = (await h.key('--account', 'shop', '--type', 'secret', '--env', 'test', ...ips.flatMap((ip) => ['--ip', ip]))).key;
});
afterAll(() => h.close());

const from = async (peer: string) => {
  const res = await h.api.request(
    '/v1/tokens/tok_unknown',
    { headers: secretHeaders(sk) },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return ((await res.json()) as { error: { code: string } }).error.code;
};

describe('secret-key IP allowlist', () => {
  test.each([
    ['10.1.2.3', 'resource_missing'], // inside 10.0.0.0/8
    ['::ffff:10.200.0.1', 'resource_missing'], // IPv4-mapped peer, inside 10.0.0.0/8
    ['11.0.0.1', 'ip_not_allowed'],
    ['2001:db8:1::5', 'resource_missing'],
    ['2001:db9::1', 'ip_not_allowed'],
    ['192.0.2.7', 'resource_missing'], // allowlisted as ::ffff:192.0.2.7
    ['192.0.2.8', 'ip_not_allowed'],
    ['198.51.100.1', 'resource_missing'],
    ['::ffff:198.51.100.1', 'resource_missing'],
    ['198.51.100.2', 'ip_not_allowed'],
    ['203.0.113.200', 'resource_missing'], // ::ffff:203.0.113.0/120 is 203.0.113.0/24
    ['203.0.114.1', 'ip_not_allowed'],
  ])('request from %s → %s', async (peer, code) => {
    expect(await from(peer)).toBe(code);
  });

  test.each(['10.0.0.0/33', 'example.com', '10.0.0.1/', '2001:db8::/129', '10.0.0.0/8/8'])(
    '--ip %s is refused when the key is created',
    async (ip) => {
      const r = await h.cli('keys', 'create', '--account', 'shop', '--type', 'secret', '--env', 'test', '--ip', ip, '--json');
      expect([r.code, r.err]).toEqual([1, expect.stringContaining(ip)]);
    },
  );
});
