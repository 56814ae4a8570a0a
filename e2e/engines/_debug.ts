import globalSetup from '../support/global-setup';
import { launchWebkit } from './webkit';
import { launchFirefox } from './firefox';
import { demoUrl, field, keyboardTarget, openCheckout, SPLIT, typeInto } from './shopper';
import { run } from './tab';
const teardown = await globalSetup();
const engine = process.argv[2] === 'firefox' ? await launchFirefox() : await launchWebkit();
const tab = await engine.newTab();
const state = async (label: string) => {
  await new Promise((r) => setTimeout(r, 500));
  const inner: string[] = [];
  for (const t of SPLIT) inner.push(`${t}:${await run(tab, () => document.activeElement?.tagName, [], field(t))}`);
  console.log(label, await keyboardTarget(tab), await run(tab, () => document.activeElement?.tagName, []), inner.join(' '));
};
try {
  await openCheckout(tab, demoUrl('script'));
  await run(tab, () => { (window as any).log = []; for (const e of ['focusin', 'focusout', 'blur', 'focus']) window.addEventListener(e, (ev) => (window as any).log.push(`${Math.round(performance.now())} ${e}:${(ev.target as Element).tagName ?? 'win'}`), true); }, [], field('cardNumber'));
  await typeInto(tab, 'cardNumber', '4242424242424241');
  await tab.click('input.tf-input', field(process.argv[3] === 'page' ? 'cardNumber' : 'cardExpiry'));
  if (process.argv[3] === 'page') await tab.click('#payment-title');
  await new Promise((r) => setTimeout(r, 1500));
  console.log('merchant error:', await run(tab, () => document.querySelector('[data-error-for="cardNumber"]')?.textContent, []));
  console.log(await run(tab, () => (window as any).log, [], field('cardNumber')));
} finally {
  await tab.close(); await engine.close(); await teardown?.();
}
