/**
 * The small part of LitElement the field elements use: declared reactive properties (String and
 * Boolean attributes), batched asynchronous updates, `willUpdate` / `render` (lit-html, light DOM)
 * / `updated`, `requestUpdate()` and `updateComplete`.
 *
 * Why not LitElement: it is ~2.5 kB gzip of a field frame document (budget 20 kB, DESIGN.md
 * "Budgets") and of boot work in every field frame, for features the fields never use (shadow
 * roots, adopted styles, controllers, reflection, converters). Templates are still lit-html.
 * Semantics follow Lit: nothing renders before the element is connected; changes made before and
 * during `willUpdate` are part of one update; a change made in `updated` schedules the next.
 */
import { render } from 'lit/html.js';

export interface PropertyDeclaration {
  type?: StringConstructor | BooleanConstructor;
  /** Attribute name; default: the property name in lower case; `false`: no attribute. */
  attribute?: string | false;
}

/** Changed property → its previous value (like Lit's PropertyValues). */
export type ChangedProperties = ReadonlyMap<PropertyKey, unknown>;

// Node (the frame's unit tests import this package's index for KINDS and messages) has no
// HTMLElement; the class is then only defined, never constructed.
const Base: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as typeof HTMLElement);

export abstract class FieldElementBase extends Base {
  static properties: Record<string, PropertyDeclaration> = {};

  /** Called once by customElements.define: installs the property accessors of this class. */
  static get observedAttributes(): string[] {
    const attributes: string[] = [];
    for (const [name, decl] of Object.entries(this.properties)) {
      if (decl.attribute !== false) attributes.push(decl.attribute ?? name.toLowerCase());
      Object.defineProperty(this.prototype, name, {
        get(this: FieldElementBase) {
          return this.#values.get(name);
        },
        set(this: FieldElementBase, value: unknown) {
          const old = this.#values.get(name);
          if (Object.is(old, value)) return;
          this.#values.set(name, value);
          this.requestUpdate(name, old);
        },
        configurable: true,
        enumerable: true,
      });
    }
    return attributes;
  }

  #values = new Map<PropertyKey, unknown>();
  #changed = new Map<PropertyKey, unknown>();
  #scheduled = false;
  #connected: () => void = () => undefined;
  readonly #whenConnected = new Promise<void>((resolve) => (this.#connected = resolve));
  #update: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    // Values set on the element before its class was defined shadow the accessors: move them behind.
    for (const name of Object.keys((this.constructor as typeof FieldElementBase).properties)) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const value = (this as Record<string, unknown>)[name];
      delete (this as Record<string, unknown>)[name];
      (this as Record<string, unknown>)[name] = value;
    }
  }

  connectedCallback(): void {
    this.#connected();
    this.requestUpdate();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const props = (this.constructor as typeof FieldElementBase).properties;
    for (const [name, decl] of Object.entries(props)) {
      if (decl.attribute === false || (decl.attribute ?? name.toLowerCase()) !== attribute) continue;
      (this as Record<string, unknown>)[name] = decl.type === Boolean ? value !== null : (value ?? undefined);
    }
  }

  /** Schedules an update (once per microtask batch); `name`/`old` record a changed property. */
  requestUpdate(name?: PropertyKey, old?: unknown): void {
    if (name !== undefined && !this.#changed.has(name)) this.#changed.set(name, old);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#update = this.#whenConnected.then(() => this.#perform());
  }

  /** Resolves when no update is pending any more (also after updates scheduled by `updated`). */
  get updateComplete(): Promise<boolean> {
    return this.#update.then(() => (this.#scheduled ? this.updateComplete : true));
  }

  protected willUpdate(_changed: ChangedProperties): void {}
  protected abstract render(): unknown;
  protected updated(_changed: ChangedProperties): void {}

  #perform(): void {
    const changed = this.#changed;
    this.willUpdate(changed);
    const template = this.render();
    this.#changed = new Map();
    this.#scheduled = false;
    render(template, this, { host: this });
    this.updated(changed);
  }
}
