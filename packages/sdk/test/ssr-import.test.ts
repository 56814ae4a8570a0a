// Importing the SDK must touch no browser global: it runs in Node for server rendering.
import { describe, expect, test } from 'vitest';

describe('importing in Node (SSR)', () => {
  test.each([
    ['@tokenframe/sdk', () => import('../src/index')],
    ['@tokenframe/sdk/elements', () => import('../src/elements/index')],
    ['@tokenframe/sdk/testing', () => import('../src/testing/index')],
  ])('%s imports without window or document', async (_name, load) => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    await expect(load()).resolves.toBeTypeOf('object');
  });

  test('load() on the server is refused with a message saying to call it on the client', async () => {
    const { loadTokenframe } = await import('../src/index');
    expect(() => loadTokenframe('pk_test_1', { vaultUrl: 'https://v.example', framesUrl: 'https://f.example' })).toThrow(
      expect.objectContaining({ code: 'unsupported_environment', message: expect.stringContaining('on the client') }),
    );
  });
});
