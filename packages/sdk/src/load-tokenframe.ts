import { connectToFrame } from '@tokenframe/channel';
import { createTokenframe, type LoadOptions, type Tokenframe } from './create-tokenframe';

/** `import { loadTokenframe } from '@tokenframe/sdk'`; the script tag's `Tokenframe.load` is the same function. */
export function loadTokenframe(pk: string, options: LoadOptions): Promise<Tokenframe> {
  return Promise.resolve(createTokenframe(pk, options, connectToFrame));
}
