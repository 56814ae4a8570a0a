// The processor misbehaving while the shopper presses Pay. Each fault is armed on the simulator
// (POST /__sim/faults) for the vault's next authorization; the shopper then sees either "Paid" or
// a clear "not charged" message, and the processor's ledger never holds two authorizations for
// the order, nor a standing (unvoided, approved) authorization behind a "not charged" message:
// after a lost answer the vault inquires by order id and keeps one approval, or voids
// (apps/vault/src/services/charges/recover-auth.ts). The vault's processor timeout is 3 s here
// (support/global-setup.ts).
import { VISA } from '../support/cards';
import { expectPaid, openDemo, payButton, type Demo } from '../support/checkout';
import { simLedger, type SimTxn } from '../support/processor-ledger';
import { armFault, clearFaults, simRequests } from '../support/sim-faults';
import { fillCard } from '@tokenframe/sdk/testing';
import { expect, test } from '../support/test';

const CARD = { number: VISA, expiry: '12/34', cvc: '123' };
type LedgerTxn = SimTxn & { setlstat: string };
const NOT_CHARGED = /You have not been charged/;

interface FaultCase {
  name: string;
  /** What is armed, in order: [fault, endpoint]. */
  arm: [string, string][];
  shopper: 'paid' | 'not charged';
  /** Whether the vault had to ask the processor what happened. */
  recovers: boolean;
  /**
   * The processor books the authorization after the vault gave up, inquired (nothing yet) and
   * voided (nothing yet): it stands until the vault's reconciliation sweep (every 60 s by
   * default, services/charges/reconcile-charges.ts) finds and voids it.
   */
  lateVoid?: boolean;
}

const FAULTS: FaultCase[] = [
  { name: 'HTTP 500 before the processor books it', arm: [['status=500', 'auth']], shopper: 'not charged', recovers: true },
  { name: 'HTTP 502 before the processor books it', arm: [['status=502', 'auth']], shopper: 'not charged', recovers: true },
  { name: 'connection reset before the processor books it', arm: [['reset', 'auth']], shopper: 'not charged', recovers: true },
  { name: "a 1.5 s delay (inside the vault's 3 s timeout)", arm: [['delay=1500', 'auth']], shopper: 'paid', recovers: false },
  { name: 'accept-then-timeout: booked, never answered', arm: [['accept-then-timeout', 'auth']], shopper: 'paid', recovers: true },
  { name: 'accept-then-reset: booked, then the connection is cut', arm: [['accept-then-reset', 'auth']], shopper: 'paid', recovers: true },
  {
    name: "a 5 s delay (past the vault's 3 s timeout; the processor still books it late)",
    arm: [['delay=5000', 'auth']],
    shopper: 'not charged',
    recovers: true,
    lateVoid: true,
  },
  {
    name: 'accept-then-timeout, and the inquiry fails too (HTTP 500): the vault voids by order id',
    arm: [
      ['accept-then-timeout', 'auth'],
      ['status=500', 'inquireByOrderid'],
    ],
    shopper: 'not charged',
    recovers: true,
  },
];

test.afterEach(async () => {
  await clearFaults();
});

async function payUnderFault(page: import('@playwright/test').Page, demo: Demo, f: FaultCase): Promise<void> {
  const ledgerBefore = (await simLedger()).length;
  const requestsBefore = (await simRequests()).length;
  await openDemo(page, demo);
  await fillCard(page, CARD);
  for (const [fault, match] of f.arm) await armFault(fault, match);
  await payButton(page).click();

  let seen: string;
  if (f.shopper === 'paid') {
    await expectPaid(page, 'visa', VISA);
    seen = (await page.getByTestId('status').textContent()) ?? '';
  } else {
    const error = page.getByTestId('error');
    await expect(error).toHaveText(NOT_CHARGED, { timeout: 30_000 });
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('status')).toBeHidden();
    await expect(payButton(page)).toBeEnabled(); // the shopper can try again
    seen = (await error.textContent()) ?? '';
  }

  // The processor may finish a delayed authorization after the vault gave up on it: read the
  // ledger once the simulator has dealt with the request, not before.
  await expect
    .poll(async () => (await simRequests()).slice(requestsBefore).find((r) => r.endpoint === 'auth')?.outcome ?? null, { timeout: 15_000 })
    .not.toBeNull();
  const authsNow = async () => ((await simLedger()) as LedgerTxn[]).slice(ledgerBefore).filter((t) => t.kind === 'auth');
  const standingNow = async () => (await authsNow()).filter((t) => t.respstat === 'A' && t.setlstat !== 'Voided');
  let lateNote = '';
  if (f.lateVoid) {
    const started = Date.now();
    expect(await standingNow()).toHaveLength(1); // the late approval, behind "not charged"
    await expect.poll(standingNow, { timeout: 75_000, intervals: [1000] }).toEqual([]);
    lateNote = ` (approved auth stood ${Math.round((Date.now() - started) / 1000)} s more until the sweep voided it)`;
  }
  const auths = await authsNow();
  const standing = await standingNow();
  // This order's gateway calls (the sweep may be looking at an earlier test's failed charge meanwhile).
  const all = (await simRequests()).slice(requestsBefore);
  const orderid = (all.find((r) => r.endpoint === 'auth')?.body as { orderid?: string } | undefined)?.orderid;
  expect(orderid).toMatch(/^ch_/);
  const gateway = all
    .filter((r) => (r.body as { orderid?: string } | undefined)?.orderid === orderid || r.path.includes(orderid!))
    .map((r) => r.endpoint);
  // One authorization request for the order, never a second one after a lost answer.
  expect(gateway.filter((e) => e === 'auth')).toHaveLength(1);
  expect(auths.length).toBeLessThanOrEqual(1);
  if (f.shopper === 'paid') expect(standing).toHaveLength(1);
  else expect(standing).toEqual([]);
  if (!f.recovers) expect(gateway).toEqual(['auth']);
  else if (f.shopper === 'paid') expect(gateway.slice(0, 2)).toEqual(['auth', 'inquireByOrderid']);
  else expect(gateway.slice(0, 3)).toEqual(['auth', 'inquireByOrderid', 'voidByOrderId']);
  const ledger = auths.map((t) => `${t.respstat}/${t.setlstat}`).join(', ') || 'no authorization booked';
  console.log(`FAULT ${demo} | ${f.name} | ${seen} | ledger: ${ledger}${lateNote} | gateway calls for the order: ${gateway.join(' → ')}`);
}

for (const f of FAULTS) {
  test(`script demo, fault "${f.name}" → ${f.shopper}; no double or standing authorization`, async ({ page }) => {
    if (f.lateVoid) test.setTimeout(120_000);
    await payUnderFault(page, 'script', f);
  });
}

for (const demo of ['react', 'react-elements'] as Demo[]) {
  for (const f of [FAULTS[1]!, FAULTS[4]!]) {
    // 502, accept-then-timeout
    test(`${demo} demo, fault "${f.name}" → ${f.shopper}; no double or standing authorization`, async ({ page }) => {
      await payUnderFault(page, demo, f);
    });
  }
}
