import http from 'node:http';
import https from 'node:https';

/** How long an idle kept-alive connection stays open (below Node's and most servers' 5 s). */
export const IDLE_MS = 4_000;
/** Idle connections kept per destination. */
const MAX_FREE_PER_DESTINATION = 32;
/** Destinations with an agent; past it the least recently used one is dropped (its idle sockets close at IDLE_MS). */
const MAX_DESTINATIONS = 256;

/**
 * Keep-alive agents, one per destination = scheme + the CHECKED address + port + host name (Host
 * and TLS SNI). A connection is only ever reused for the same address it was opened to, which the
 * SSRF rules accepted for this very request (safeRequest resolves and checks every time, and picks
 * the agent by the address it got): a name that now resolves elsewhere gets another agent and a
 * new connection, and no two names share one (the host is part of the key).
 */
export class ConnectionPool {
  readonly #agents = new Map<string, http.Agent>();

  agentFor(secure: boolean, address: string, port: number, host: string): http.Agent {
    const key = `${secure ? 'https' : 'http'}|${address}|${port}|${host}`;
    let agent = this.#agents.get(key);
    if (agent) {
      this.#agents.delete(key); // most recently used goes last
    } else {
      const o = { keepAlive: true, timeout: IDLE_MS, maxFreeSockets: MAX_FREE_PER_DESTINATION, scheduling: 'lifo' as const };
      agent = secure ? new https.Agent(o) : new http.Agent(o);
      if (this.#agents.size >= MAX_DESTINATIONS) this.#agents.delete(this.#agents.keys().next().value!);
    }
    this.#agents.set(key, agent);
    return agent;
  }

  /** Closes every connection (tests, shutdown). */
  destroy(): void {
    for (const a of this.#agents.values()) a.destroy();
    this.#agents.clear();
  }
}

/** The process's pool (safeRequest with `keepAlive: true`). */
export const sharedPool = new ConnectionPool();
