// The attacker's server log (support/fixture-sites.ts): every request that reached 127.0.0.2 since
// the last read. Read from Node, so the page under test never sees it.
import { e2eEnv } from './e2e-env';

export async function takeHostileHits(): Promise<string[]> {
  return (await (await fetch(`${e2eEnv().urls.hostile}/__hits`)).json()) as string[];
}

/** A field frame URL as the SDK would build it, with a fresh mount id. */
export function fieldUrl(o: { type: string; pk: string; origin: string; mount?: string }): string {
  const q = new URLSearchParams({ type: o.type, pk: o.pk, origin: o.origin, v: '1.0' });
  return `${e2eEnv().urls.frames}/frames/v1/field.html?${q}#mount=${o.mount ?? 'ab'.repeat(16)}`;
}

export function controllerUrl(o: { pk: string; origin: string; mount: string }): string {
  const q = new URLSearchParams({ pk: o.pk, origin: o.origin, v: '1.0' });
  return `${e2eEnv().urls.frames}/frames/v1/controller.html?${q}#mount=${o.mount}`;
}
