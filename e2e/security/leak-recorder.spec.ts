// The recorder behind every spec (support/test.ts) must itself be able to see a leak, or its
// "zero hits" would prove nothing. Here the page leaks on purpose, in each channel it watches.
import { openDemo } from '../support/checkout';
import { MASTERCARD, leakNeedles } from '../support/cards';
import { expect, test } from '../support/test';

test('the leak recorder finds card digits in messages, port messages, URLs and bodies', async ({ page, leakRecorder }) => {
  leakRecorder.expectPlantedLeak();
  await openDemo(page, 'script');
  await page.evaluate(async (pan) => {
    postMessage({ deep: { pan: pan.match(/.{4}/g)!.join(' ') } }, location.origin);
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => undefined);
    channel.port1.start();
    channel.port2.postMessage(new TextEncoder().encode(pan));
    await fetch(`/healthz?n=${pan}`);
    await fetch('/api/pay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: `tok_${pan}` }),
    });
  }, MASTERCARD);
  const needles = leakNeedles(MASTERCARD);
  await expect
    .poll(async () => (await leakRecorder.hits(needles)).map((h) => h.split(' contains ')[0]!.replace(/ http.*/, '')))
    .toEqual(expect.arrayContaining([`window message from`, 'port message', 'request URL', 'request body POST']));
});
