// The workspace lint configuration must refuse any '*' target origin (DESIGN.md, "The channel" step 6).
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function messagesFor(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}packages/channel/src/__lint_probe__.ts` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// ESLint with type-aware config is slow to warm up on a loaded 2-core machine.
describe("lint: no '*' target origin", { timeout: 60_000 }, () => {
  test.each([
    ["window.parent.postMessage({ a: 1 }, '*');"],
    ["frame.contentWindow?.postMessage('x', '*', []);"],
    ["postMessage('x', '*');"],
    ["const opts = { targetOrigin: '*' }; window.postMessage('x', opts);"],
  ])('rejects %s', async (code) => {
    expect(await messagesFor(`declare const frame: HTMLIFrameElement;\n${code}\nexport {};`)).toContain('no-restricted-syntax');
  });

  test('accepts an exact origin', async () => {
    const code = "window.parent.postMessage({ a: 1 }, 'https://shop.example');\nexport {};";
    expect(await messagesFor(code)).not.toContain('no-restricted-syntax');
  });
});
