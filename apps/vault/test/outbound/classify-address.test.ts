import { expect, test } from 'vitest';
import { checkUrl, classifyAddress } from '../../src/outbound';

test.each([
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', 'public'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.255', 'private'],
  ['100.128.0.1', 'public'],
  ['169.254.169.254', 'link_local'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['::ffff:127.0.0.1', 'embedded_ipv4'],
  ['::ffff:7f00:1', 'embedded_ipv4'],
  ['::ffff:8.8.8.8', 'embedded_ipv4'],
  ['::127.0.0.1', 'embedded_ipv4'],
  ['64:ff9b::7f00:1', 'embedded_ipv4'],
  ['64:ff9b::a9fe:a9fe', 'embedded_ipv4'],
  ['64:ff9b:1::1', 'embedded_ipv4'],
  ['2002:7f00:1::', 'embedded_ipv4'],
  ['2001:0:4136:e378::1', 'embedded_ipv4'],
  ['fc00::1', 'private'],
  ['fd12:3456::1', 'private'],
  ['fe80::1', 'link_local'],
  ['febf::1', 'link_local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  ['fe80::1%eth0', 'invalid'],
  ['example.com', 'invalid'],
  ['0177.0.0.1', 'invalid'],
])('classifyAddress(%s) = %s', (ip, cls) => {
  expect(classifyAddress(ip)).toBe(cls);
});

const test_ = { mode: 'test', allowPrivate: false } as const;
const testPrivate = { mode: 'test', allowPrivate: true } as const;
const live = { mode: 'live', allowPrivate: true } as const;

test.each([
  // odd IPv4 spellings: WHATWG URL normalizes them to 127.0.0.1, which is then classified
  ['http://0x7f000001/', test_, false],
  ['http://2130706433/', test_, false],
  ['http://0177.0.0.1/', test_, false],
  ['http://127.1/', test_, false],
  ['http://0x7f.0.0.1/', test_, false],
  ['http://[::ffff:127.0.0.1]/', testPrivate, false],
  ['http://[::ffff:7f00:1]/', testPrivate, false],
  ['http://[64:ff9b::7f00:1]/', testPrivate, false],
  ['http://169.254.169.254/latest/meta-data', testPrivate, false],
  ['http://[fe80::1]/', testPrivate, false],
  ['http://0.0.0.0:4100/', testPrivate, false],
  ['http://127.0.0.1:4100/', testPrivate, true],
  ['http://10.0.0.5/', testPrivate, true],
  ['http://[fd00::5]/', testPrivate, true],
  ['http://127.0.0.1:4100/', test_, false],
  ['https://8.8.8.8/', test_, true],
  ['https://8.8.8.8/', live, false], // no IP literal in live mode
  ['http://gateway.example.com/', live, false], // https only in live mode
  ['https://gateway.example.com/', live, true],
  ['https://user:pw@gateway.example.com/', live, false],
  ['ftp://gateway.example.com/', test_, false],
  ['file:///etc/passwd', testPrivate, false],
  ['not a url', testPrivate, false],
] as const)('checkUrl(%s, %o) ok=%s', (url, policy, ok) => {
  expect(checkUrl(url, policy).ok).toBe(ok);
});
