import type { FrameLocator, Locator, Page } from '@playwright/test';

/** A page or a part of it (e.g. the form or a shadow host) that contains Tokenframe fields. */
export type Scope = Page | Locator;

/**
 * The field frames inside `scope`, by field type (read from the frame URL's `type` parameter).
 * The controller frame has no inputs and is skipped.
 */
export async function fieldFrames(scope: Scope): Promise<Map<string, FrameLocator>> {
  const iframes = scope.locator('iframe[src*="/frames/v1/field.html"]');
  const frames = new Map<string, FrameLocator>();
  for (let i = 0, n = await iframes.count(); i < n; i++) {
    const iframe = iframes.nth(i);
    const type = new URL((await iframe.getAttribute('src')) ?? '', 'http://x').searchParams.get('type');
    if (type) frames.set(type, iframe.contentFrame());
  }
  return frames;
}
