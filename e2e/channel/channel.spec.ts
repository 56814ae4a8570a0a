/**
 * The channel across real sites: page http://localhost:P, frames http://127.0.0.1:P, attacker
 * http://127.0.0.2:P. Every hostile message must be dropped silently (no page error, no console
 * error), the real channel must keep working, and `({}).polluted` must stay undefined everywhere.
 */
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';

const P = 4310;
const PAGE = `http://localhost:${P}`;
const FRAMES = `http://127.0.0.1:${P}`;
const EVIL = `http://127.0.0.2:${P}`;

interface Tf {
  stats: { windowMessages: number };
  mount(mount: string, mode?: string, timeoutMs?: number): Promise<{ ok: boolean; ms?: number; code?: string }>;
  request(mount: string, method: 'tokenize' | 'focus', timeoutMs?: number): Promise<{ result?: unknown; code?: string }>;
  state(mount: string): { events: string[]; reconnects: number; failures: string[] } | undefined;
  orphanFrame(mount: string): Promise<void>;
  addFrame(src: string, sandbox?: string): Promise<void>;
  reload(mount: string): void;
  takeover(mount: string, src: string): void;
  remove(mount: string): void;
  rawParent(mount: string): Promise<unknown[]>;
  measure(runs: number): Promise<number[]>;
}
declare global {
  interface Window {
    tf: Tf;
  }
}

const token = { token: 'tok_fixture_1', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } };
let errors: string[] = [];

async function open(page: Page): Promise<void> {
  errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${PAGE}/page.html`);
  await page.waitForFunction(() => 'tf' in window);
}

const framesOf = (page: Page, origin: string): Frame[] => page.frames().filter((f) => f.url().startsWith(`${origin}/`));

/** `({}).polluted` in the page and in every frame realm we can reach. */
async function pollution(page: Page): Promise<unknown[]> {
  const seen = await Promise.all(
    page.frames().map((f) => f.evaluate(() => (({}) as Record<string, unknown>).polluted ?? 'clean').catch(() => 'detached')),
  );
  return seen.filter((x) => x !== 'detached');
}

async function expectRealChannelWorks(page: Page, mount: string): Promise<void> {
  expect(await page.evaluate((m) => window.tf.mount(m), mount)).toMatchObject({ ok: true });
  expect(await page.evaluate((m) => window.tf.request(m, 'tokenize'), mount)).toEqual({ result: token });
  await expect.poll(() => page.evaluate((m) => window.tf.state(m)?.events, mount)).toEqual(['ready']);
}

test.afterEach(async ({ page }) => {
  for (const value of await pollution(page)) expect(value).toBe('clean');
  expect(errors).toEqual([]);
});

test('happy path: handshake, request/reply, events; handshake time median over 20 runs', async ({ page }) => {
  await open(page);
  await expectRealChannelWorks(page, 'happy_mount_01');
  const times = await page.evaluate(() => window.tf.measure(20));
  expect(times).toHaveLength(20);
  const sorted = [...times].sort((a, b) => a - b);
  const median = ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
  console.log(
    `channel handshake (iframe insert → connected), 20 runs: median ${median.toFixed(1)} ms, min ${sorted[0]?.toFixed(1)} ms, max ${sorted[19]?.toFixed(1)} ms`,
  );
  test.info().annotations.push({ type: 'handshake-median-ms', description: median.toFixed(1) });
});

test.describe('forged HELLO and CONNECT are dropped', () => {
  const attackers: [string, string, string | undefined][] = [
    ['a third-site iframe (127.0.0.2)', EVIL, undefined],
    ['the frames origin, but the wrong window', FRAMES, undefined],
    ['the page origin, but the wrong window', PAGE, undefined],
    ['a sandboxed iframe (origin "null")', FRAMES, 'allow-scripts'],
  ];
  for (const [label, origin, sandbox] of attackers) {
    test(label, async ({ page }) => {
      await open(page);
      // Victims: a page-side connection whose frame never says HELLO, and a frame with no page side.
      const pageVictim = page.evaluate(() => window.tf.mount('victim_page_01', 'silent', 2500));
      await page.evaluate(() => window.tf.orphanFrame('victim_frame_01'));
      const evilUrl = `${origin}/evil.html?mounts=victim_page_01,victim_frame_01&page=${encodeURIComponent(PAGE)}&frames=${encodeURIComponent(FRAMES)}&ms=1500`;
      await page.evaluate(([u, s]) => window.tf.addFrame(u as string, s), [evilUrl, sandbox] as const);
      expect(await pageVictim).toEqual({ ok: false, code: 'frame_load_timeout' });
      expect(await page.evaluate(() => window.tf.stats.windowMessages)).toBeGreaterThan(10); // they did arrive
      const orphan = framesOf(page, FRAMES).find((f) => f.url().includes('victim_frame_01'));
      expect(
        await orphan?.evaluate(() => (window as unknown as { frameState: { connected: boolean; windowMessages: number } }).frameState),
      ).toMatchObject({ connected: false });
      expect(
        await orphan?.evaluate(() => (window as unknown as { frameState: { windowMessages: number } }).frameState.windowMessages),
      ).toBeGreaterThan(10);
      const evil = page.frames().find((f) => f.url().startsWith(`${origin}/evil.html`));
      expect(await evil?.evaluate(() => (window as unknown as { evilGot: unknown[] }).evilGot)).toEqual([]);
      await expectRealChannelWorks(page, 'real_mount_0001');
    });
  }
});

test('a hostile frame sending junk over the port: dropped, valid traffic still flows', async ({ page }) => {
  await open(page);
  expect(await page.evaluate(() => window.tf.mount('hostile_port_01', 'hostile'))).toMatchObject({ ok: true });
  expect(await page.evaluate(() => window.tf.request('hostile_port_01', 'tokenize'))).toMatchObject({
    result: { token: 'tok_hostile_ok' },
  });
  await expect.poll(() => page.evaluate(() => window.tf.state('hostile_port_01')?.events)).toEqual(['ready']);
  await expectRealChannelWorks(page, 'real_mount_0002');
});

test('a parent sending junk requests over the port: the frame drops them and answers the valid one', async ({ page }) => {
  await open(page);
  const replies = await page.evaluate(() => window.tf.rawParent('raw_parent_001'));
  expect(replies).toEqual([
    { ns: 'tokenframe', type: 'event', name: 'ready' },
    { ns: 'tokenframe', type: 'reply', id: 4, ok: true, result: token },
  ]);
  await expectRealChannelWorks(page, 'real_mount_0003');
});

test('reload reconnects; takeover by another site is an integrity failure; removal is frame_removed', async ({ page }) => {
  await open(page);
  await expectRealChannelWorks(page, 'reload_mount_01');
  await page.evaluate(() => window.tf.reload('reload_mount_01'));
  await expect.poll(() => page.evaluate(() => window.tf.state('reload_mount_01')?.reconnects)).toBe(1);
  expect(await page.evaluate(() => window.tf.request('reload_mount_01', 'tokenize'))).toEqual({ result: token });

  await page.evaluate((u) => window.tf.takeover('reload_mount_01', u), `${EVIL}/evil.html`);
  await expect.poll(() => page.evaluate(() => window.tf.state('reload_mount_01')?.failures)).toEqual(['frame_integrity']);
  expect(await page.evaluate(() => window.tf.request('reload_mount_01', 'tokenize'))).toEqual({ code: 'frame_integrity' });

  await expectRealChannelWorks(page, 'remove_mount_01');
  await page.evaluate(() => window.tf.remove('remove_mount_01'));
  expect(await page.evaluate(() => window.tf.request('remove_mount_01', 'focus', 300))).toEqual({ code: 'frame_removed' });
});
