// The pinned, versioned SDK URL and its SRI hash, read from the vault's /v1/sri.json.
// A merchant would paste both into the page once; the demo reads them so it always matches the build.

export interface SdkScript {
  src: string;
  integrity: string;
}

const VERSIONED = /^(?:\/?v1\/)?tokenframe-(\d+\.\d+\.\d+[\w.-]*)\.js$/;
const SRI = /^sha(?:256|384|512)-[A-Za-z0-9+/]+=*$/;

/**
 * Accepts the shapes a manifest is likely to take — `{ "tokenframe-1.2.3.js": "sha384-…" }`, or the
 * same map under `files`, or entries `{ integrity }` — and picks the versioned file (never the
 * mutable /v1/tokenframe.js, which an SRI pin would break on the next release).
 */
export function pickSdkScript(vaultUrl: string, manifest: unknown): SdkScript | undefined {
  const candidates: [string, unknown][] = [];
  const collect = (obj: unknown): void => {
    if (typeof obj !== 'object' || obj === null) return;
    for (const [k, v] of Object.entries(obj)) {
      candidates.push([k, v]);
      if (typeof v === 'object') collect(v);
    }
  };
  collect(manifest);
  for (const [name, value] of candidates) {
    const file = name.split('/').pop() ?? '';
    if (!VERSIONED.test(file)) continue;
    const integrity = typeof value === 'string' ? value : (value as { integrity?: unknown } | null)?.integrity;
    if (typeof integrity === 'string' && integrity.split(' ').every((h) => SRI.test(h))) {
      return { src: `${vaultUrl}/v1/${file}`, integrity };
    }
  }
  return undefined;
}

/** Fetches the manifest; undefined when the vault is unreachable or publishes no versioned file. */
export async function fetchSdkScript(vaultUrl: string): Promise<SdkScript | undefined> {
  try {
    const res = await fetch(`${vaultUrl}/v1/sri.json`, { signal: AbortSignal.timeout(3_000) });
    return res.ok ? pickSdkScript(vaultUrl, await res.json()) : undefined;
  } catch {
    return undefined;
  }
}
