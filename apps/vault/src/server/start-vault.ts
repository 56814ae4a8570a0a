import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { VaultConfig } from '../config/vault-config';
import type { AppEnv } from '../api/app-env';
import { reportCvcKeyStorage } from '../cvc/report-cvc-key-storage';
import { buildVault, type Vault } from './build-vault';
import { startPurgeSweep } from './purge-sweep';
import { reportSameSiteOrigins } from './report-same-site';

export interface RunningVault {
  /** Public origins (configured, or the bound addresses). */
  apiUrl: string;
  framesUrl: string;
  /** Where the listeners are actually bound (differs from the public URLs behind a proxy). */
  listening: { api: string; frames: string };
  vault: Vault;
  api: Hono<AppEnv>;
  frames: Hono<AppEnv>;
  /** Graceful: stop accepting, finish in-flight requests, flush pending commits, close the DB. Idempotent. */
  stop(): Promise<void>;
}

function listen(host: string, port: number, fetch: (req: Request, env: object) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Stops accepting, lets in-flight requests finish, and closes keep-alive connections as soon as
 * they go idle (Node only closes the ones idle at the moment close() is called). After `graceMs`
 * the remaining connections are cut.
 */
function close(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Starts both listeners (API and frames) on one process; ports may be 0 (tests pick ephemeral ports). */
export async function startVault(config: VaultConfig, opts: { logger: Logger; now?: () => number }): Promise<RunningVault> {
  const now = opts.now ?? Date.now;
  let accepting = true;
  // The apps need the bound ports (tests listen on port 0), so the listeners start first and
  // answer 503 until the vault is built; a vault that fails to build closes them again.
  const apps: { api?: Hono<AppEnv>; frames?: Hono<AppEnv> } = {};
  const unavailable = () =>
    new Response('{"error":{"type":"api_error","code":"service_unavailable","message":"Starting up.","requestId":""}}', { status: 503 });
  const apiServer = await listen(config.host, config.port, (req, e) => (apps.api ? apps.api.fetch(req, e) : unavailable()));
  const framesServer = await listen(config.host, config.framesPort, (req, e) =>
    apps.frames ? apps.frames.fetch(req, e) : unavailable(),
  ).catch(async (e: unknown) => {
    await close(apiServer, 0);
    throw e;
  });
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const listening = {
    api: `http://${urlHost}:${(apiServer.address() as AddressInfo).port}`,
    frames: `http://${urlHost}:${(framesServer.address() as AddressInfo).port}`,
  };
  const apiUrl = config.apiUrl ?? listening.api;
  const framesUrl = config.framesUrl ?? listening.frames;
  let vault: Vault;
  try {
    vault = await buildVault(config, { logger: opts.logger, now, urls: { apiUrl, framesUrl }, accepting: () => accepting });
  } catch (e) {
    await Promise.all([close(apiServer, 0), close(framesServer, 0)]);
    throw e;
  }
  const { api, frames } = Object.assign(apps, { api: vault.api, frames: vault.frames });
  const stopSweep = startPurgeSweep({
    stores: vault.stores,
    charges: vault.charges,
    secrets: vault.secrets,
    cvcKeys: vault.cvcKeys,
    metrics: vault.metrics,
    logger: opts.logger,
    intervalMs: config.purgeIntervalMs,
    now,
  });
  opts.logger.info({ apiUrl, framesUrl, dataDir: vault.dataDir, groupCommit: config.groupCommit }, 'vault listening');
  opts.logger.info({ store: vault.stores.kind, sharedState: vault.shared.kind, cvcKeyGenerations: vault.cvcKeys.kind }, 'vault storage');
  void reportCvcKeyStorage(vault, opts.logger, now);
  void reportSameSiteOrigins(vault.keys, framesUrl, opts.logger, now()).catch((e: unknown) =>
    opts.logger.warn({ err: e }, 'could not check key origins against the frames origin'),
  );

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      accepting = false;
      await Promise.all([close(apiServer), close(framesServer)]); // in-flight requests finish first
      await stopSweep();
      await vault.close(); // drains group commit, checkpoints, closes
      opts.logger.info('vault stopped');
    })());
  return { apiUrl, framesUrl, listening, vault, api, frames, stop };
}
