/**
 * Why a processor call gave no usable answer. `sent: false` means the processor cannot have acted
 * on it (refused by our SSRF rules, DNS or connect failed); with `sent: true` it may have.
 * `timeout`: no answer in time; `reset`: the connection broke; `server`: HTTP 5xx; `rejected`:
 * another HTTP status (401: wrong credentials); `garbled`: not the JSON the dialect promises.
 */
export type ProcessorFailureKind = 'refused' | 'unreachable' | 'timeout' | 'reset' | 'server' | 'rejected' | 'garbled';

export class ProcessorFailure extends Error {
  override readonly name = 'ProcessorFailure';
  constructor(
    readonly kind: ProcessorFailureKind,
    readonly sent: boolean,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** The processor may hold a transaction we know nothing about: recover, never retry blindly. */
  get ambiguous(): boolean {
    return this.sent && (this.kind === 'timeout' || this.kind === 'reset' || this.kind === 'server' || this.kind === 'garbled');
  }
}
