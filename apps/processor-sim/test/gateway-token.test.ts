import { randomInt } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { isLuhnValid, TEST_CARDS } from '@tokenframe/card';
import { gatewayToken, PARTIAL_APPROVAL_CARD, TIMEOUT_CARDS } from '../src/index';
import { useSim } from './support/sim-client';

const { client } = useSim();

/** A random Luhn-valid PAN of `length` digits starting with `prefix`. */
function randomPan(prefix: string, length: number): string {
  let body = prefix;
  while (body.length < length - 1) body += String(randomInt(0, 10));
  for (let d = 0; d < 10; d++) if (isLuhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

const pans = [
  ...TEST_CARDS.map((c) => c.number),
  ...TIMEOUT_CARDS,
  PARTIAL_APPROVAL_CARD,
  '4111111111111111', // the middle digits are all 1s, like the last four: the hardest case
  ...Array.from({ length: 300 }, (_, i) =>
    randomPan(['4', '51', '37', '6011', '2221'][i % 5] as string, [16, 16, 15, 16, 19][i % 5] as number),
  ),
];

describe('the gateway token in `account`', () => {
  test('the reference example has the shape the simulator produces', () => {
    const token = gatewayToken('4111111111111111');
    expect(token).toMatch(/^941\d{9}1111$/); // 9 + "41" + nine digits + last four, like 9418594164541111
  });

  test.each(pans.map((pan) => [pan]))(
    '%s: 16 digits, 9 + first two + … + last four, never the PAN, no middle digits before the last four, not Luhn-valid, stable',
    (pan) => {
      const token = gatewayToken(pan);
      expect(token).toMatch(/^9\d{15}$/);
      expect(token.slice(1, 3)).toBe(pan.slice(0, 2));
      expect(token.slice(-4)).toBe(pan.slice(-4));
      expect(token).not.toBe(pan);
      expect(token.slice(0, -4)).not.toContain(pan.slice(6, -4)); // the last four are public, and may repeat the middle (4222222222222)
      expect(isLuhnValid(token)).toBe(false);
      expect(gatewayToken(pan)).toBe(token);
    },
  );

  test('different cards with the same first two and last four get different tokens', () => {
    expect(gatewayToken('4242424242424242')).not.toBe(gatewayToken('4000056655664242'));
  });

  test('the answer carries the token, and the same card gets the same token on every auth', async () => {
    const a = await client().auth({ account: '5555555555554444' });
    const b = await client().auth({ account: '5555555555554444', amount: '1116.00' });
    expect(a.account).toBe(gatewayToken('5555555555554444'));
    expect(b.account).toBe(a.account);
    expect(JSON.stringify([a, b])).not.toContain('5555555555554444');
  });
});
