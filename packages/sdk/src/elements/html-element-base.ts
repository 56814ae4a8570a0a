/**
 * `HTMLElement` when it exists, a stand-in otherwise, so importing the elements entry under SSR or in
 * Node does not throw. The classes only work once defined in a browser (defineTokenframeElements).
 */
export const HTMLElementBase: typeof HTMLElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;
