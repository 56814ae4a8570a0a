import { describe, expect, test } from 'vitest';
import pino from 'pino';
import { sameSite } from '../src/auth/same-site';
import { reportSameSiteOrigins } from '../src/server/report-same-site';
import { FRAMES, makeHarness, SHOP } from './harness';

/** Issue #17 finding 8: a merchant origin same-site with the frames origin is told, at key creation and at start. */
describe('sameSite (schemeful, ports ignored)', () => {
  test.each([
    ['https://shop.example.com', 'https://frames.example.com', true],
    ['https://example.com', 'https://frames.example.com:8443', true],
    ['https://shop.example.co.uk', 'https://frames.example.co.uk', true],
    ['https://shop.co.uk', 'https://frames.co.uk', false],
    ['http://shop.example.com', 'https://frames.example.com', false],
    ['https://shop.example', 'https://frames.tokenframe.example', false],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:4001', true],
    ['http://localhost:5173', 'http://127.0.0.1:4001', false],
    ['http://[::1]:5173', 'http://[::1]:4001', true],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(sameSite(a, b)).toBe(same);
  });
});

test('keys create warns (stderr and JSON) for an origin same-site with the frames origin; start reports it', async () => {
  const h = await makeHarness();
  try {
    const risky = await h.cli(
      'keys',
      'create',
      '--account',
      'shop',
      '--type',
      'publishable',
      '--env',
      'test',
      '--origin',
      'http://127.0.0.1:5173',
      '--origin',
      SHOP,
      '--json',
    );
    expect(risky.code).toBe(0);
    expect(risky.err).toContain(`http://127.0.0.1:5173 is same-site with the frames origin ${FRAMES}`);
    const created = JSON.parse(risky.out) as { id: string; warnings?: string[] };
    expect(created.warnings).toHaveLength(1);
    const fine = await h.cli('keys', 'create', '--account', 'shop', '--type', 'publishable', '--env', 'test', '--origin', SHOP, '--json');
    expect([fine.err, (JSON.parse(fine.out) as { warnings?: string[] }).warnings]).toEqual(['', undefined]);
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) });
    expect(await reportSameSiteOrigins(h.vault.keys, FRAMES, logger, Date.now())).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ keyId: created.id, origin: 'http://127.0.0.1:5173', framesOrigin: FRAMES });
    await h.cli('keys', 'revoke', '--key', created.id);
    expect(await reportSameSiteOrigins(h.vault.keys, FRAMES, logger, Date.now())).toBe(0);
  } finally {
    await h.close();
  }
});
