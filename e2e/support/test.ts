// The `test` every spec in checkout/, security/ and a11y/ uses. Its automatic fixture records, for
// the whole test, what the merchant page could observe — every message it receives (see
// record-messages.ts) and all network traffic of its browser context: URLs, request bodies and the
// bodies of documents, fetch/XHR responses — and then searches it for the middle digits of every
// card number the suite types (cards.ts). Zero hits, or the test fails.
// Static scripts, styles, images and fonts are files from disk and are not searched.
import { test as base, expect, type Response } from '@playwright/test';
import { ALL_NEEDLES } from './cards';
import { recordMessages } from './record-messages';

const BINDING = '__tfLeakRecord';
// The one card number a demo page prints for shoppers to try ("Use card 4242 4242 4242 4242"):
// public text in the page's own HTML, removed from documents before searching them.
const PUBLIC_HINT = /4242 4242 4242 4242/g;
const DYNAMIC = new Set(['document', 'fetch', 'xhr', 'eventsource', 'websocket', 'other']);

export interface LeakRecorder {
  /** How many messages the merchant page received so far (proves the recorder is listening). */
  readonly messageCount: number;
  /** Everything recorded so far that contains one of `needles`, as `where: text`. */
  hits(needles?: readonly string[]): Promise<string[]>;
  /** For the spec that checks the recorder itself: skip the final zero-hit check. */
  expectPlantedLeak(): void;
}

export const test = base.extend<{ leakRecorder: LeakRecorder }>({
  leakRecorder: [
    async ({ context }, use) => {
      const records: { where: string; text: string }[] = [];
      const pending: Promise<unknown>[] = [];
      let messages = 0;
      let planted = false;
      await context.exposeBinding(BINDING, (_source, kind: string, text: string) => {
        messages++;
        records.push({ where: kind, text });
      });
      await context.addInitScript(recordMessages, BINDING);
      context.on('request', (req) => {
        records.push({ where: `request URL`, text: req.url() });
        const body = req.postData();
        if (body) records.push({ where: `request body ${req.method()} ${req.url()}`, text: body });
      });
      context.on('response', (res: Response) => {
        if (!DYNAMIC.has(res.request().resourceType()) || res.status() === 204 || (res.status() >= 300 && res.status() < 400)) return;
        pending.push(
          Promise.race([res.text(), new Promise<never>((_, reject) => setTimeout(reject, 5_000))]).then(
            (text) => {
              const type = res.request().resourceType();
              records.push({
                where: `response ${res.status()} ${res.url()}`,
                text: type === 'document' ? text.replace(PUBLIC_HINT, '') : text,
              });
            },
            () => undefined, // the page went away before the body arrived (or it never ends): nothing to read
          ),
        );
      });

      const recorder: LeakRecorder = {
        get messageCount() {
          return messages;
        },
        async hits(needles = ALL_NEEDLES) {
          await Promise.allSettled(pending);
          return records.flatMap(({ where, text }) => {
            const joined = text.replace(/(\d)[\s-]+(?=\d)/g, '$1'); // '4242 4242 …' counts as digits
            return needles
              .filter((n) => text.includes(n) || joined.includes(n))
              .map((n) => `${where} contains …${n}…: ${text.slice(0, 300)}`);
          });
        },
        expectPlantedLeak() {
          planted = true;
        },
      };
      await use(recorder);
      if (!planted) expect(await recorder.hits(), 'card digits between BIN and last4 seen by the merchant page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
