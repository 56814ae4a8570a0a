/** Namespace stamped on every Tokenframe message so foreign postMessage traffic is ignored cheaply. */
export const NS = 'tokenframe' as const;

/**
 * Protocol version as "major.minor". Peers with a different major refuse each other
 * (DESIGN.md, "The channel" step 10); a minor bump only adds optional behaviour.
 */
export const PROTOCOL_VERSION = '1.0' as const;

export function protocolMajor(v: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

export function isCompatibleVersion(v: string): boolean {
  return protocolMajor(v) === protocolMajor(PROTOCOL_VERSION);
}
