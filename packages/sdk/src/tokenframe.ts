import { Fields, type FieldsOptions } from './fields';
import type { FrameContext } from './open-frame';

/** A loaded Tokenframe instance (`Tokenframe.load()` / `loadTokenframe()`). */
export class Tokenframe {
  readonly #context: FrameContext;

  constructor(context: FrameContext) {
    this.#context = context;
  }

  /** A new, independent group of fields that tokenize together. */
  fields(options?: FieldsOptions): Fields {
    return new Fields(this.#context, options);
  }
}
