import type { Logger } from 'pino';
import { sameSite } from '../auth/same-site';
import { keyState } from '../auth/key-state';
import type { KeyService } from '../services/key-service';

/** The warning for a publishable key whose allowed origin is same-site with the frames origin. */
export function sameSiteWarning(origin: string, framesOrigin: string): string | undefined {
  if (!sameSite(origin, framesOrigin)) return undefined;
  return `${origin} is same-site with the frames origin ${framesOrigin}: a browser may run the merchant page and the card fields in one process (no site isolation between them). Serve the frames from a registrable domain of their own (docs/security.md, "Frames on their own site").`;
}

/** At start: one warning per active publishable key origin that is same-site with the frames origin. */
export async function reportSameSiteOrigins(keys: KeyService, framesOrigin: string, logger: Logger, now: number): Promise<number> {
  let n = 0;
  for (const k of await keys.listKeys()) {
    if (k.type !== 'publishable' || keyState(k, now) === 'revoked') continue;
    for (const origin of k.origins) {
      const warning = sameSiteWarning(origin, framesOrigin);
      if (warning) {
        n++;
        logger.warn({ keyId: k.id, origin, framesOrigin }, `⚠️  ${warning}`);
      }
    }
  }
  return n;
}
