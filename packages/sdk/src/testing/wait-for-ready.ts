import { fieldFrames, type Scope } from './field-frames';

/**
 * Waits until every Tokenframe field in `scope` shows an input a shopper can use (the frame loaded,
 * connected and rendered). `count` waits for at least that many field frames first.
 */
export async function waitForReady(
  scope: Scope,
  { count = 1, timeout = 15_000 }: { count?: number; timeout?: number } = {},
): Promise<void> {
  const iframes = scope.locator('iframe[src*="/frames/v1/field.html"]');
  await iframes.nth(count - 1).waitFor({ state: 'attached', timeout });
  for (const frame of (await fieldFrames(scope)).values()) await frame.locator('input').first().waitFor({ state: 'visible', timeout });
}
