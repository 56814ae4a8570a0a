import {
  FIELD_TYPES,
  isFieldType,
  MAX_POSTAL,
  MAX_SHORT_TEXT,
  type ChangeDetail,
  type FieldConfig,
  type FieldType,
  type TokenizeExtra,
  type TokenizeResult,
} from '@tokenframe/protocol';
import { checkFieldConfig } from './check-options';
import { Emitter } from './emitter';
import { Field, type FieldHost } from './field';
import { openFrame, type FrameContext, type OpenFrame } from './open-frame';
import { errorShape, misuse, toTokenframeError } from './tokenframe-error';

/** The aggregated `change` of a group: one event whatever field changed. */
export interface FieldsChangeEvent {
  /** Every mounted field is complete: tokenize() will not return a card error for incompleteness. */
  complete: boolean;
  empty: boolean;
  /** From the card or cardNumber field. */
  brand?: string;
  /** The first invalid field's error, in creation order. */
  error?: { code: string; message: string; field: FieldType };
  fields: Partial<Record<FieldType, ChangeDetail>>;
}
export interface FieldsEventMap {
  change: FieldsChangeEvent;
}

export type FieldsOptions = Pick<FieldConfig, 'style' | 'locale' | 'fonts' | 'preferredNetwork'>;

interface Controller extends OpenFrame {
  broken: boolean;
}

const SPLIT_CARD: readonly FieldType[] = ['cardNumber', 'cardExpiry', 'cardCvc'];
const TOKENIZE_TIMEOUT_MS = 60_000;
const INTEGRITY = 'a frame was replaced: mount the fields again.';

/**
 * A group of fields that tokenize together (`tf.fields()`): one hidden controller frame, created
 * when the first field mounts and removed when the last one unmounts, plus one frame per field.
 * The group's mount id names the BroadcastChannel its frames share inside the frames origin, so two
 * groups on one page never see each other's values.
 */
export class Fields extends Emitter<FieldsEventMap> {
  readonly #context: FrameContext;
  readonly #config: FieldConfig;
  readonly #fields = new Map<FieldType, Field>();
  readonly #mounted = new Set<Field>();
  readonly #state = new Map<FieldType, ChangeDetail>();
  #controller?: Controller;
  #mount = '';
  #inflight?: Promise<TokenizeResult>;
  #destroyed = false;

  constructor(context: FrameContext, options: unknown) {
    super(['change']);
    this.#context = context;
    this.#config = checkFieldConfig('fields()', options);
  }

  create(type: FieldType, options?: FieldConfig): Field {
    if (this.#destroyed) misuse('these fields were destroyed.');
    if (!isFieldType(type)) misuse(`create('${String(type)}'): unknown field type, use ${FIELD_TYPES}.`);
    if (this.#fields.has(type)) misuse(`a ${type} field already exists here.`);
    const clash =
      type === 'card' ? SPLIT_CARD.find((t) => this.#fields.has(t)) : SPLIT_CARD.includes(type) && this.#fields.has('card') && 'card';
    if (clash) misuse(`create('${type}'): use either card or the split card fields.`);
    const field = new Field(this.#host(), type, options);
    this.#fields.set(type, field);
    return field;
  }

  get(type: FieldType): Field | undefined {
    return this.#fields.get(type);
  }

  /**
   * Asks the controller frame to seal the card data and create a token. Expected failures (an
   * incomplete card, a declined test card, the network) resolve as `{error}`; only misuse throws.
   * A second call while one is in flight returns the same promise, so a double click makes one token.
   */
  tokenize(extra?: TokenizeExtra): Promise<TokenizeResult> {
    if (extra !== undefined) checkExtra(extra);
    return (this.#inflight ??= this.#tokenize(extra).finally(() => (this.#inflight = undefined)));
  }

  /** Unmounts every field and the controller. Idempotent. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    for (const field of [...this.#fields.values()]) field.destroy();
    this.offAll();
  }

  async #tokenize(extra: TokenizeExtra | undefined): Promise<TokenizeResult> {
    const controller = this.#controller;
    if (this.#destroyed) return { error: errorShape('destroyed', 'these fields were destroyed.') };
    if (!controller) return { error: errorShape('not_mounted', 'mount a field before tokenize().') };
    try {
      await controller.ready;
      if (this.#compromised(controller)) return { error: errorShape('frame_integrity', INTEGRITY) };
      const result = await controller.connection.request('tokenize', extra ? { extra } : {}, TOKENIZE_TIMEOUT_MS);
      if (this.#compromised(controller)) return { error: errorShape('frame_integrity', INTEGRITY) };
      return result ?? { error: errorShape('internal_error', 'empty reply.') };
    } catch (error) {
      return { error: toTokenframeError(error).toJSON() };
    }
  }

  /** A frame of this group reloaded without a valid HELLO (DESIGN.md, "The channel" step 9). */
  #compromised(controller: Controller): boolean {
    return controller.broken || [...this.#mounted].some((f) => f.broken);
  }

  #host(): FieldHost {
    return {
      ...this.#context,
      config: this.#config,
      attach: (field) => this.#attach(field),
      detach: (field) => this.#detach(field),
      changed: (field, detail) => this.#changed(field, detail),
      removed: (field) => this.#fields.get(field.type) === field && this.#fields.delete(field.type),
    };
  }

  #attach(field: Field): { mount: string; controllerReady: Promise<void> } {
    this.#mounted.add(field);
    if (!this.#controller) {
      this.#mount = this.#context.env.randomId();
      // Only defined keys: the frame's guard rejects a request with `locale: undefined`.
      const { locale } = this.#config;
      const controller: Controller = {
        ...openFrame(this.#context, 'controller', this.#mount, {
          config: () => (locale === undefined ? {} : { locale }),
          onBroken: () => (controller.broken = true),
        }),
        broken: false,
      };
      controller.ready.catch(() => undefined); // observed by each field's mount() and by tokenize()
      this.#controller = controller;
      this.#context.env.document.body.appendChild(controller.iframe);
    }
    return { mount: this.#mount, controllerReady: this.#controller.ready };
  }

  #detach(field: Field): void {
    this.#mounted.delete(field);
    this.#state.delete(field.type);
    if (this.#mounted.size > 0 || !this.#controller) return;
    this.#controller.connection.destroy();
    this.#controller.iframe.remove();
    this.#controller = undefined;
  }

  #changed(field: Field, detail: ChangeDetail): void {
    const wasComplete = this.#state.get(field.type)?.complete;
    this.#state.set(field.type, detail);
    // Auto-advance: a split field the shopper is typing in just became complete.
    if (!wasComplete && detail.complete && field.focused && field.type !== 'card') {
      const order = [...this.#fields.values()].filter((f) => this.#mounted.has(f));
      order[order.indexOf(field) + 1]?.focus();
    }
    this.emit('change', this.#summary());
  }

  #summary(): FieldsChangeEvent {
    const summary: FieldsChangeEvent = { complete: this.#mounted.size > 0, empty: true, fields: {} };
    for (const field of this.#fields.values()) {
      if (!this.#mounted.has(field)) continue;
      const detail = this.#state.get(field.type) ?? { field: field.type, empty: true, complete: false };
      summary.fields[field.type] = detail;
      summary.complete &&= detail.complete;
      summary.empty &&= detail.empty;
      summary.brand ??= detail.brand;
      if (detail.error && !summary.error) summary.error = { ...detail.error, field: field.type };
    }
    return summary;
  }
}

/** The frame's guard has the same bounds and drops a request over them without a reply: say so here, at once. */
function checkExtra(extra: unknown): void {
  const ok =
    typeof extra === 'object' &&
    extra !== null &&
    Object.entries(extra).every(
      ([key, value]) =>
        (key === 'name' || key === 'postal') && typeof value === 'string' && value.length <= (key === 'name' ? MAX_SHORT_TEXT : MAX_POSTAL),
    );
  if (!ok) misuse(`tokenize(extra): only strings name (max ${MAX_SHORT_TEXT}) and postal (max ${MAX_POSTAL}).`);
}
