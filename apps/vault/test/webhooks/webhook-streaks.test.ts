import { expect, test } from 'vitest';
import { streaksAfter, type AttemptOutcome } from '../../src/stores/webhooks/webhook-store';

const o = (endpointId: string, streak: AttemptOutcome['streak'], at: number): AttemptOutcome => ({
  endpointId,
  at,
  attempt: null,
  status: 'pending',
  nextAt: at,
  streak,
});

test('a batch of outcomes leaves each endpoint as finishing them one by one would: the last success clears, the first failure after it starts the streak', () => {
  const s = streaksAfter([
    { moved: true, outcome: o('a', 'failure', 1) },
    { moved: true, outcome: o('a', 'failure', 2) },
    { moved: true, outcome: o('b', 'failure', 3) },
    { moved: true, outcome: o('b', 'success', 4) },
    { moved: true, outcome: o('c', 'success', 5) },
    { moved: true, outcome: o('c', 'failure', 6) },
    { moved: false, outcome: o('d', 'failure', 7) }, // lease lost: no effect
    { moved: true, outcome: o('e', 'none', 8) },
  ]);
  expect(Object.fromEntries(s)).toEqual({ a: { clear: false, since: 1 }, b: { clear: true, since: null }, c: { clear: true, since: 6 } });
});
