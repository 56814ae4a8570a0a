import type { EventListParams, EventPage, RequestOptions, VaultEvent } from '../types.js';
import type { VaultRequest } from '../vault-request.js';

/** `GET /v1/events` (`events:read`): security events and the reveal/delete audit trail, newest first. */
export class Events {
  readonly #request: VaultRequest;
  constructor(request: VaultRequest) {
    this.#request = request;
  }

  /**
   * Every event, newest first, fetched a page at a time as you iterate:
   * `for await (const e of tf.events.list({ type: 'token.deleted' }))`. Use `.pages()` for the pages.
   * The vault pages with `hasMore` and `starting_after`; a vault that answers without `hasMore`
   * has one page (at most `limit` events).
   */
  list(params: EventListParams = {}, opts?: RequestOptions): EventList {
    return new EventList((cursor) =>
      this.#request<Partial<EventPage>>({ method: 'GET', path: '/v1/events', query: { ...params, starting_after: cursor } }, opts).then(
        (r) => ({
          data: Array.isArray(r.body.data) ? r.body.data : [],
          hasMore: r.body.hasMore === true,
        }),
      ),
    );
  }
}

export class EventList implements AsyncIterable<VaultEvent> {
  readonly #fetchPage: (cursor: string | undefined) => Promise<EventPage>;
  constructor(fetchPage: (cursor: string | undefined) => Promise<EventPage>) {
    this.#fetchPage = fetchPage;
  }

  async *pages(): AsyncGenerator<EventPage, void, undefined> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.#fetchPage(cursor);
      yield page;
      const last = page.data.at(-1);
      if (!page.hasMore || !last) return;
      cursor = last.id;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<VaultEvent, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}
