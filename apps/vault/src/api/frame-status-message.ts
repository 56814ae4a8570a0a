import type { FrameStatusCode } from '@tokenframe/protocol';

/**
 * What `GET /v1/frames/status` tells the developer, by code. The SDK shows this text as the message of
 * the `loaderror` it raises when a frame stays silent: the vault writes it so the merchant page does
 * not ship it (the SDK core's 5 kB budget, packages/sdk/README.md "Sizes"). `origin` is echoed only
 * in its canonical form (never the raw query); `framesOrigin` is the vault's own.
 */
export function frameStatusMessage(code: FrameStatusCode, origin: string | undefined, framesOrigin: string): string {
  switch (code) {
    case 'unknown_key':
      return 'the vault does not know this publishable key: check the key and vaultUrl.';
    case 'revoked_key':
      return 'this publishable key was revoked: create a new one (pnpm vault keys create).';
    case 'origin_not_allowed':
      return `${origin ?? 'this page’s origin'} is not on the publishable key's allowed origins: create a key with --origin ${origin ?? '<origin>'} (a live key also needs pnpm vault origins verify).`;
    case 'ok':
      return `the key and origin are fine, but the frame did not load: is framesUrl ${framesOrigin}, and does the page's Content-Security-Policy allow frame-src ${framesOrigin}?`;
  }
}
