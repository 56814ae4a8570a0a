import { connectWithChannel } from './connect-with-channel';
import { createTokenframe, type LoadOptions } from './create-tokenframe';
import type { Tokenframe } from './tokenframe';

/** `import { loadTokenframe } from '@tokenframe/sdk'`; the script tag's `Tokenframe.load` is the same function. */
export function loadTokenframe(pk: string, options: LoadOptions): Promise<Tokenframe> {
  return Promise.resolve(createTokenframe(pk, options, connectWithChannel));
}
