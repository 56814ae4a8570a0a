import { randomUUID } from 'node:crypto';
import { sealJwe, type SealPublicJwk } from '@tokenframe/crypto/seal';
import { fillCard } from '@tokenframe/sdk/testing';
import { chromium, type Browser, type Frame, type Page } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import type { BenchStack } from './bench-stack';
import { median, percentile, round } from './stats';

export interface BrowserResults {
  mountReady: {
    ms: number;
    floorMs: number;
    ratio: number;
    breakdown: Record<string, number>;
    samples: { ms: number[]; floorMs: number[] };
    method: string;
  };
  keystrokeToChange: { p50Ms: number; p95Ms: number; floorP50Ms: number; samples: number; method: string };
  tokenize: { ms: number; floorMs: number; ratio: number; samples: { ms: number[]; floorMs: number[] }; method: string };
}
export interface BrowserOptions {
  warmup: number;
  runs: number;
  keystrokes: number;
  /** Bytes of one field / the controller document as served (HTML + JS + CSS), for the floor documents. */
  fieldBytes: number;
  controllerBytes: number;
}

type Win = typeof window & { Tokenframe: { load(pk: string, o: object): Promise<TfLike> }; __fields?: FieldsLike; __changes: number[] };
interface TfLike {
  fields(): FieldsLike;
}
interface FieldsLike {
  create(type: string): { mount(sel: string): Promise<void>; on(n: string, h: () => void): void };
  tokenize(): Promise<{ token?: string; error?: unknown }>;
}

const CARD = { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' };

/**
 * After a fresh context's first page has loaded, Chromium keeps about one core busy for another
 * 0.3–0.6 s (the new window's omnibox-popup WebUI renderer and post-load work; measured with /proc
 * schedstat of the browser's processes on the 2-core bench machine). A mount measured inside that
 * window shares the CPU with it, and the longer of real and floor shares more of it, so every sample
 * (real and floor alike) starts after it.
 */
const SETTLE_MS = 1_000;

/**
 * A fresh context on the merchant page with the SDK loaded, once the browser is quiet (SETTLE_MS).
 * Retried a few times: a concurrent `pnpm build` in the same tree empties packages/sdk/dist for a
 * moment, and the vault then answers 404.
 */
async function openPage(browser: Browser, stack: BenchStack, attempts = 4): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.goto(stack.pageUrl, { waitUntil: 'load' });
  if (await page.evaluate(() => 'Tokenframe' in window)) {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return page;
  }
  await context.close();
  if (attempts <= 1) throw new Error(`the SDK did not load on the bench page: ${errors.join('; ')}`);
  await new Promise((r) => setTimeout(r, 3_000));
  return openPage(browser, stack, attempts - 1);
}

/** Real mount: three split fields (+ the controller the SDK adds), mount() → all resolved. */
async function mountFields(page: Page, stack: BenchStack): Promise<number> {
  return page.evaluate(
    async ({ pk, api, frames }) => {
      const w = window as unknown as Win;
      const tf = await w.Tokenframe.load(pk, { vaultUrl: api, framesUrl: frames });
      const fields = tf.fields();
      const t0 = performance.now();
      const number = fields.create('cardNumber');
      await Promise.all([number.mount('#n'), fields.create('cardExpiry').mount('#e'), fields.create('cardCvc').mount('#c')]);
      const ms = performance.now() - t0;
      w.__fields = fields;
      w.__changes = [];
      number.on('change', () => w.__changes.push(performance.timeOrigin + performance.now()));
      return ms;
    },
    { pk: stack.pk, api: stack.apiUrl, frames: stack.framesUrl },
  );
}

/** Floor: the same number of blank cross-origin iframes, documents of the same sizes, same server → all `load`. */
async function mountFloor(page: Page, urls: string[]): Promise<number> {
  return page.evaluate(async (srcs) => {
    const host = document.getElementById('floor')!;
    const t0 = performance.now();
    await Promise.all(
      srcs.map(
        (src) =>
          new Promise((resolve) => {
            const f = document.createElement('iframe');
            f.onload = resolve;
            f.src = src;
            host.append(f);
          }),
      ),
    );
    return performance.now() - t0;
  }, urls);
}

/** Where the time of the slowest frame goes, from the frames' own Navigation/Resource Timing, relative to mount(). */
async function frameTimeline(page: Page, t0Epoch: number): Promise<Record<string, number>> {
  const frames = page.frames().filter((f) => f !== page.mainFrame() && f.url().includes('/frames/v1/'));
  const lines = await Promise.all(
    frames.map((f: Frame) =>
      f.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const assets = performance
          .getEntriesByType('resource')
          .filter((r) => /\.(js|css)$/.test(r.name))
          .map((r) => (r as PerformanceResourceTiming).responseEnd);
        return {
          origin: performance.timeOrigin,
          docEnd: nav.responseEnd,
          assetsEnd: Math.max(nav.responseEnd, ...assets),
          dcl: nav.domContentLoadedEventEnd,
        };
      }),
    ),
  );
  const at = (pick: (l: (typeof lines)[number]) => number) => Math.max(...lines.map((l) => l.origin + pick(l) - t0Epoch));
  return {
    frameNavigationStart: at(() => 0),
    documentReceived: at((l) => l.docEnd),
    assetsReceived: at((l) => l.assetsEnd),
    domContentLoaded: at((l) => l.dcl),
  };
}

async function sealForFloor(stack: BenchStack, count: number): Promise<string[]> {
  const origin = new URL(stack.pageUrl).origin;
  const headers = { Authorization: `Bearer ${stack.pk}`, 'Content-Type': 'application/json', Origin: stack.framesUrl };
  const { sid } = (await (
    await fetch(`${stack.apiUrl}/v1/sessions`, { method: 'POST', headers, body: JSON.stringify({ origin }) })
  ).json()) as { sid: string };
  const jwk = ((await (await fetch(`${stack.apiUrl}/v1/jwks`)).json()) as { keys: SealPublicJwk[] }).keys[0]!;
  const claims = { pan: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', aud: stack.apiUrl, pk: stack.pk, sid, origin };
  return Promise.all(
    Array.from({ length: count }, () => sealJwe({ ...claims, iat: Math.floor(Date.now() / 1000), jti: randomUUID() }, jwk)),
  );
}

/** Floor: the same POST /v1/tokens with a pre-sealed JWE, by fetch from a frames-origin document (the controller frame). */
async function tokenizeFloor(frame: Frame, stack: BenchStack, jwe: string): Promise<number> {
  return frame.evaluate(
    async ({ api, pk, jwe }) => {
      const t0 = performance.now();
      const res = await fetch(`${api}/v1/tokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${pk}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ jwe }),
      });
      const body = (await res.json()) as { id?: string };
      if (!body.id) throw new Error(`floor tokenize failed: HTTP ${res.status}`);
      return performance.now() - t0;
    },
    { api: stack.apiUrl, pk: stack.pk, jwe },
  );
}

async function tokenizeReal(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const r = await (window as unknown as Win).__fields!.tokenize();
    if (!r.token) throw new Error(`tokenize failed: ${JSON.stringify(r.error)}`);
    return performance.now() - t0;
  });
}

/** Key press dispatched from Node → handler on the page, both stamped in epoch milliseconds. */
async function keystrokes(page: Page, focus: () => Promise<void>, count: () => Promise<number>, n: number): Promise<number[]> {
  await focus();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = await count();
    const sent = performance.timeOrigin + performance.now();
    await page.keyboard.press(i % 2 === 0 ? '4' : 'Backspace');
    await page.waitForFunction((b) => (window as unknown as Win).__changes.length > b, before, { timeout: 5_000 });
    const at = await page.evaluate(() => (window as unknown as Win).__changes.at(-1)!);
    samples.push(at - sent);
  }
  return samples;
}

export async function measureBrowser(stack: BenchStack, o: BrowserOptions): Promise<BrowserResults> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const floorUrls = [
      ...['n', 'e', 'c'].map((f) => stack.setFloorDocument(`field-${f}`, o.fieldBytes)),
      stack.setFloorDocument('controller', o.controllerBytes),
    ];
    const jwes = await sealForFloor(stack, (o.warmup + o.runs) * 2 + 2);
    const mount = { ms: [] as number[], floorMs: [] as number[] };
    const tok = { ms: [] as number[], floorMs: [] as number[] };
    const timelines: Record<string, number>[] = [];
    let keySamples: number[] = [];
    let keyFloor: number[] = [];
    for (let i = 0; i < o.warmup + o.runs; i++) {
      const keep = i >= o.warmup;
      // Floor and real each in a fresh context (cold cache, new connections); the order alternates.
      for (const which of i % 2 === 0 ? ['floor', 'real'] : ['real', 'floor']) {
        const page = await openPage(browser, stack);
        try {
          if (which === 'floor') {
            const ms = await mountFloor(page, floorUrls);
            if (keep) mount.floorMs.push(ms);
            continue;
          }
          const t0Epoch = await page.evaluate(() => performance.timeOrigin + performance.now());
          const ms = await mountFields(page, stack);
          if (keep) mount.ms.push(ms);
          if (keep) timelines.push({ ...(await frameTimeline(page, t0Epoch)), ready: ms });
          await fillCard(page, CARD);
          const controller = page.frames().find((f) => f.url().includes('/frames/v1/controller.html'))!;
          // One warm-up of each (connection + CORS preflight cached), then both alternately.
          await tokenizeReal(page);
          await tokenizeFloor(controller, stack, jwes.pop()!);
          for (const step of i % 2 === 0 ? ['real', 'floor'] : ['floor', 'real']) {
            const t = step === 'real' ? await tokenizeReal(page) : await tokenizeFloor(controller, stack, jwes.pop()!);
            if (keep) (step === 'real' ? tok.ms : tok.floorMs).push(t);
          }
          if (i === o.warmup + o.runs - 1) {
            const numberInput = page.frameLocator('iframe[src*="type=cardNumber"]').getByLabel(/card number/i);
            await numberInput.fill('');
            keySamples = await keystrokes(
              page,
              () => numberInput.click(),
              () => page.evaluate(() => (window as unknown as Win).__changes.length),
              o.keystrokes,
            );
            await page.evaluate(() => {
              const w = window as unknown as Win;
              document
                .getElementById('plain')!
                .addEventListener('input', () => w.__changes.push(performance.timeOrigin + performance.now()));
            });
            keyFloor = await keystrokes(
              page,
              () => page.locator('#plain').click(),
              () => page.evaluate(() => (window as unknown as Win).__changes.length),
              o.keystrokes,
            );
          }
        } finally {
          await page.context().close();
        }
      }
    }
    const breakdown = Object.fromEntries(Object.keys(timelines[0] ?? {}).map((k) => [k, round(median(timelines.map((t) => t[k]!)))]));
    const ms = median(mount.ms);
    const floorMs = median(mount.floorMs);
    const tms = median(tok.ms);
    const tfloor = median(tok.floorMs);
    const r1 = (xs: number[]) => xs.map((x) => round(x));
    return {
      mountReady: {
        ms: round(ms),
        floorMs: round(floorMs),
        ratio: round(ms / floorMs, 2),
        breakdown,
        samples: { ms: r1(mount.ms), floorMs: r1(mount.floorMs) },
        method: `Chromium (Playwright), fresh context per sample, each started ${SETTLE_MS} ms after its page loaded (the browser's own post-load work done), ${o.warmup} warm-up + ${o.runs} runs alternating; real = load() then create+mount cardNumber/cardExpiry/cardCvc (+controller) until every mount() resolved; floor = 4 blank iframes from the frames server, 3 × ${o.fieldBytes} B + 1 × ${o.controllerBytes} B (the served HTML+JS+CSS sizes) until every load event; medians`,
      },
      keystrokeToChange: {
        p50Ms: round(percentile(keySamples, 50)),
        p95Ms: round(percentile(keySamples, 95)),
        floorP50Ms: round(percentile(keyFloor, 50)),
        samples: keySamples.length,
        method: `${o.keystrokes} alternating '4'/Backspace key presses (each flips empty) sent by Playwright into the number frame; page's change handler time minus send time (epoch ms); floorP50Ms = same into a plain <input> on the page`,
      },
      tokenize: {
        ms: round(tms),
        floorMs: round(tfloor),
        ratio: round(tms / tfloor, 2),
        samples: { ms: r1(tok.ms), floorMs: r1(tok.floorMs) },
        method:
          'fields.tokenize() → result on the page vs fetch POST /v1/tokens with a JWE pre-sealed in Node, run inside the controller frame (frames origin); after one warm-up of each (connection and CORS preflight cached); 2 of each per context, alternating; medians',
      },
    };
  } finally {
    await browser.close();
  }
}
