// The built frame documents in real Chromium under the production CSP: field ↔ controller over the
// mount's BroadcastChannel, tokenize, hostile controllers, two mounts, style payloads, opaque origins.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { API, FRAMES, PAGE, startSites } from './frame-sites';
import type { ApiLog } from './frame-sites';

const PK = 'pk_test_merchant1';
let sites: Awaited<ReturnType<typeof startSites>>;
test.beforeAll(async () => (sites = await startSites()));
test.afterAll(async () => sites.close());

interface Watch {
  requests: string[];
  cspViolations: string[];
  warnings: string[];
}

async function open(page: Page): Promise<Watch> {
  const watch: Watch = { requests: [], cspViolations: [], warnings: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) watch.cspViolations.push(m.text());
    if (m.type() === 'warning') watch.warnings.push(m.text());
  });
  await page.goto(`${PAGE}/page.html`);
  return watch;
}

async function mount(page: Page, role: string, mount: string, pk = PK, config: object = {}): Promise<void> {
  await page.evaluate(
    async ({ role, mount, pk, config }) => {
      const w = window as unknown as {
        mountFrame(r: string, m: string, p: string): Promise<{ request(m: string, p?: unknown): Promise<unknown> }>;
      };
      const frame = await w.mountFrame(role, mount, pk);
      await frame.request('configure', config);
    },
    { role, mount, pk, config },
  );
}

function frameRequest(
  page: Page,
  id: string,
  method: string,
  params?: unknown,
): Promise<{ ok: boolean; result?: unknown; error?: unknown }> {
  return page.evaluate(
    ({ id, method, params }) =>
      (window as unknown as { frames_: Record<string, { request(m: string, p?: unknown): Promise<{ ok: boolean }> }> }).frames_[
        id
      ]!.request(method, params),
    { id, method, params },
  );
}

function events(page: Page, id: string): Promise<{ name: string; detail?: Record<string, unknown> }[]> {
  return page.evaluate((id) => (window as unknown as { frames_: Record<string, { events: { name: string }[] }> }).frames_[id]!.events, id);
}

async function typeInto(page: Page, frameId: string, text: string, nth = 0): Promise<void> {
  await page.frameLocator(`#${frameId}`).locator('input.tf-input').nth(nth).click();
  await page.keyboard.type(text);
}

const onlyOurOrigins = (w: Watch) => w.requests.filter((u) => ![PAGE, FRAMES, API].includes(new URL(u).origin));

test('split fields + controller: keyboard only, token back, values only inside the frames origin', async ({ page }) => {
  const watch = await open(page);
  const m = 'mountAAAA1';
  for (const role of ['cardNumber', 'cardExpiry', 'cardCvc', 'controller']) await mount(page, role, m);
  await typeInto(page, `${m}-cardNumber`, '4242424242424242');
  await typeInto(page, `${m}-cardExpiry`, '1230');
  await typeInto(page, `${m}-cardCvc`, '123');
  const reply = await frameRequest(page, `${m}-controller`, 'tokenize', {});
  expect(reply).toMatchObject({
    ok: true,
    result: { token: 'tok_e2e1', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } },
  });
  const token = sites.apiLog.filter((l) => l.path === '/v1/tokens').at(-1) as ApiLog;
  expect(token.headers['authorization']).toBe(`Bearer ${PK}`);
  expect(token.claims).toMatchObject({ pan: '4242424242424242', cvc: '123', aud: API, pk: PK, origin: PAGE, sid: 'sess_1' });
  const change = (await events(page, `${m}-cardNumber`)).filter((e) => e.name === 'change').at(-1);
  expect(change?.detail).toEqual({ field: 'cardNumber', empty: false, complete: true, brand: 'visa', networks: ['visa'] });
  expect(
    JSON.stringify(
      await page.evaluate(() =>
        JSON.stringify((window as unknown as { frames_: unknown }).frames_, (k, v) => (k === 'iframe' || k === 'port' ? undefined : v)),
      ),
    ),
  ).not.toContain('4242424242424242');
  expect(onlyOurOrigins(watch)).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
});

test('the card field: one frame, Enter submits, incomplete form is a field error and no request', async ({ page }) => {
  await open(page);
  const m = 'mountBBBB1';
  await mount(page, 'card', m);
  await mount(page, 'controller', m);
  const before = sites.apiLog.filter((l) => l.path === '/v1/tokens').length;
  await typeInto(page, `${m}-card`, '4242424242424242');
  await page.keyboard.press('Enter');
  const reply = await frameRequest(page, `${m}-controller`, 'tokenize', {});
  expect(reply).toMatchObject({ ok: true, result: { error: { type: 'card_error', code: 'incomplete_expiry', field: 'card' } } });
  expect(sites.apiLog.filter((l) => l.path === '/v1/tokens').length).toBe(before);
  expect((await events(page, `${m}-card`)).map((e) => e.name)).toContain('submit');
});

for (const [name, pk] of [['another account’s key', 'pk_test_attacker1']] as const) {
  test(`a controller a hostile script adds under ${name} receives nothing`, async ({ page }) => {
    await open(page);
    const m = 'mountCCCC1';
    await mount(page, 'cardNumber', m);
    await typeInto(page, `${m}-cardNumber`, '4242424242424242');
    await mount(page, 'controller', m, pk);
    const reply = await frameRequest(page, `${m}-controller`, 'tokenize', {});
    expect(reply).toMatchObject({ ok: true, result: { error: { code: 'incomplete_number' } } });
  });
}

test('two mounts on one page do not cross', async ({ page }) => {
  await open(page);
  for (const [m, number] of [
    ['mountDDDD1', '4242424242424242'],
    ['mountDDDD2', '5555555555554444'],
  ] as const) {
    await mount(page, 'card', m);
    await mount(page, 'controller', m);
    await typeInto(page, `${m}-card`, number);
    await typeInto(page, `${m}-card`, '1230', 1);
    await typeInto(page, `${m}-card`, '123', 2);
  }
  await frameRequest(page, 'mountDDDD1-controller', 'tokenize', {});
  expect(sites.apiLog.at(-1)?.claims?.['pan']).toBe('4242424242424242');
  await frameRequest(page, 'mountDDDD2-controller', 'tokenize', {});
  expect(sites.apiLog.at(-1)?.claims?.['pan']).toBe('5555555555554444');
});

test('merchant styles apply under the CSP; injection payloads are dropped with a warning and fetch nothing', async ({ page }) => {
  const watch = await open(page);
  const m = 'mountEEEE1';
  const style = {
    base: { color: 'rgb(1, 2, 3)', fontSize: '18px', backgroundColor: 'red; background-image: url(http://127.0.0.2:9/a)' },
    invalid: { color: 'url(http://127.0.0.2:9/b)', fontSize: '30px' },
    complete: { color: 'var(--x)', ':focus': { color: 'expression(alert(1))' } },
    empty: { textShadow: '0 0 1px red}body{background:url(http://127.0.0.2:9/c)' },
  };
  await mount(page, 'cardNumber', m, PK, { style });
  const input = page.frameLocator(`#${m}-cardNumber`).locator('input.tf-input');
  await expect(input).toHaveCSS('color', 'rgb(1, 2, 3)');
  await expect(input).toHaveCSS('font-size', '18px');
  for (const prop of [
    'style.base.backgroundColor',
    'style.invalid.color',
    'style.invalid.fontSize',
    'style.complete.color',
    "style.complete[':focus'].color",
    'style.empty.textShadow',
  ]) {
    expect(watch.warnings.some((w) => w.includes(prop))).toBe(true);
  }
  await typeInto(page, `${m}-cardNumber`, '4242');
  await page.frameLocator(`#${m}-cardNumber`).locator('input.tf-input').blur();
  expect(watch.requests.filter((u) => u.includes('127.0.0.2'))).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
});

test('iframe.focus() (auto-advance) puts the caret in the input', async ({ page }) => {
  await open(page);
  const m = 'mountFFFF1';
  await mount(page, 'cardExpiry', m);
  const input = page.frameLocator(`#${m}-cardExpiry`).locator('input.tf-input');
  await page.evaluate((id) => (document.getElementById(id) as HTMLIFrameElement).focus(), `${m}-cardExpiry`);
  // The frame moves focus to its input in a task after the window's focus event: wait for that, as a
  // shopper's first key press would, instead of racing it (typing at once lost a digit now and then).
  await expect(input).toBeFocused();
  await page.keyboard.type('1230');
  await expect(input).toHaveValue('12 / 30');
});

test('autofill into the number frame reaches the expiry and CVC frames', async ({ page }) => {
  await open(page);
  const m = 'mountGGGG1';
  for (const role of ['cardNumber', 'cardExpiry', 'cardCvc']) await mount(page, role, m);
  const number = page.frameLocator(`#${m}-cardNumber`);
  await number.locator('input[autocomplete="cc-exp"]').fill('12/30');
  await number.locator('input[autocomplete="cc-csc"]').fill('123');
  await expect(page.frameLocator(`#${m}-cardExpiry`).locator('input.tf-input')).toHaveValue('12 / 30');
  await expect(page.frameLocator(`#${m}-cardCvc`).locator('input.tf-input')).toHaveValue('123');
});

test('in an opaque origin (sandboxed) the frame shows its error state and says no HELLO', async ({ page }) => {
  await open(page);
  const hellos = await page.evaluate(async () => {
    const w = window as unknown as { mountFrame(r: string, m: string, p: string, o: object): Promise<{ hellos: number }> };
    const f = await w.mountFrame('cardNumber', 'mountHHHH1', 'pk_test_merchant1', { sandbox: 'allow-scripts' });
    return f.hellos;
  });
  expect(hellos).toBe(0);
  const frame = page.frameLocator('#mountHHHH1-cardNumber');
  await expect(frame.getByRole('alert')).toHaveText('Secure card entry is unavailable on this page.');
  await expect(frame.locator('input')).toHaveCount(0);
});
