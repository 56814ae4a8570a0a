// Typed access to the stack scripts shared with `pnpm demo` (scripts/lib/*.mjs, plain JS without
// declaration files): loaded by URL so the type checker takes the shapes below as their contract.
import { pathToFileURL } from 'node:url';

export interface Stack {
  urls: { vault: string; frames: string; demo: string; demoReact: string; processor: string };
  keys: { publishableKey: string; secretKey: string };
  stop(): Promise<void>;
}
export interface StackLib {
  ROOT: string;
  startStack(opts: {
    demo?: boolean;
    build?: boolean;
    demoReact?: boolean;
    processor?: boolean;
    quiet?: boolean;
    dataDir?: string;
    log?: (line: string) => void;
  }): Promise<Stack>;
  buildIfStale(opts?: { quiet?: boolean }): { built: boolean };
  vaultCli(args: string[], opts?: { env?: Record<string, string> }): { ok: true; value: unknown } | { ok: false; message: string };
}

const lib = (name: string): string => pathToFileURL(new URL(`../../scripts/lib/${name}`, import.meta.url).pathname).href;

export async function loadStackLib(): Promise<StackLib> {
  const names = ['stack-urls.mjs', 'start-stack.mjs', 'vault-cli.mjs', 'build-if-stale.mjs'];
  const [urls, stack, cli, build] = await Promise.all(names.map((n) => import(lib(n))));
  return { ROOT: urls.ROOT, startStack: stack.startStack, vaultCli: cli.vaultCli, buildIfStale: build.buildIfStale } as StackLib;
}
