// Types for chromium.mjs, so TypeScript configs (e2e/playwright.config.ts) can import it.
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string;
