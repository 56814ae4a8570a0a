/**
 * One frame's end of BroadcastChannel(`tf:${mount}`). It sends every message stamped with this frame's
 * own `pk`, `origin` and `mount` and delivers only messages that pass the guard, carry exactly the same
 * stamp and come from another frame. That equality check is the whole trust decision: the frames origin
 * serves only our code, so a stamp is what the vault served that frame for, and a frame a hostile page
 * added under another key or for another mount is simply not heard (and hears nothing it can use).
 */
import { isMountMessage, MOUNT_NS } from './mount-message';
import type { MountBody, MountMessage, MountStamp } from './mount-message';
import { randomId } from './random-id';

export type ChannelFactory = (name: string) => BroadcastChannel;

export class MountBus {
  /** This frame's instance id (`from` on what it sends, `to` on values addressed to it). */
  readonly id = randomId();
  readonly #stamp: MountStamp;
  readonly #channel: BroadcastChannel;
  #handler: ((m: MountMessage) => void) | undefined;
  #closed = false;

  constructor(stamp: MountStamp, createChannel: ChannelFactory = (name) => new BroadcastChannel(name)) {
    this.#stamp = { pk: stamp.pk, origin: stamp.origin, mount: stamp.mount };
    this.#channel = createChannel(`tf:${stamp.mount}`);
    this.#channel.onmessage = (e: MessageEvent) => this.#receive(e.data);
  }

  onMessage(handler: (m: MountMessage) => void): void {
    this.#handler = handler;
  }

  send(body: MountBody): void {
    if (this.#closed) return;
    this.#channel.postMessage({ ...body, ns: MOUNT_NS, ...this.#stamp, from: this.id });
  }

  /** Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handler = undefined;
    this.#channel.close();
  }

  #receive(data: unknown): void {
    if (!isMountMessage(data)) return;
    const s = this.#stamp;
    if (data.pk !== s.pk || data.origin !== s.origin || data.mount !== s.mount || data.from === this.id) return;
    this.#handler?.(data);
  }
}
