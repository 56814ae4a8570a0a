// Test helpers: mount a field element inside a 'merchant container' box, as the frame does.
import '../../src/fields.css';
import '../../src/define';
import type { FieldChange } from '../../src/field-change';
import type { InputKind } from '../../src/locale/messages';
import type { TfCard } from '../../src/tf-card';
import type { TfInput } from '../../src/tf-input';

export interface Mounted<E> {
  el: E;
  box: HTMLElement;
  events: { name: string; detail?: unknown }[];
  lastChange(): FieldChange | undefined;
}

const EVENTS = ['tf-change', 'tf-focus', 'tf-blur', 'tf-submit', 'tf-escape', 'tf-autofill'];

function track<E extends HTMLElement>(el: E, box: HTMLElement): Mounted<E> {
  const events: Mounted<E>['events'] = [];
  for (const name of EVENTS) el.addEventListener(name, (e) => events.push({ name, detail: (e as CustomEvent).detail }));
  return { el, box, events, lastChange: () => events.filter((e) => e.name === 'tf-change').at(-1)?.detail as FieldChange | undefined };
}

function boxFor(): HTMLElement {
  const box = document.createElement('div');
  box.className = 'test-box';
  box.style.cssText = 'width: 360px; padding: 10px 12px; border: 1px solid #d0d5dd; border-radius: 6px; background: #fff; margin: 8px;';
  document.body.replaceChildren(box);
  return box;
}

export async function mountInput(kind: InputKind, props: Partial<TfInput> = {}): Promise<Mounted<TfInput> & { input: HTMLInputElement }> {
  const box = boxFor();
  const el = document.createElement('tf-input');
  el.kind = kind;
  Object.assign(el, props);
  const tracked = track(el, box);
  box.append(el);
  await el.updateComplete;
  return { ...tracked, input: el.querySelector<HTMLInputElement>('input.tf-input')! };
}

export async function mountCard(props: Partial<TfCard> = {}): Promise<Mounted<TfCard> & { inputs: HTMLInputElement[] }> {
  const box = boxFor();
  const el = document.createElement('tf-card');
  Object.assign(el, props);
  const tracked = track(el, box);
  box.append(el);
  await el.updateComplete;
  await Promise.all([...el.querySelectorAll('tf-input')].map((i) => i.updateComplete));
  return { ...tracked, inputs: [...el.querySelectorAll<HTMLInputElement>('input.tf-input')] };
}

export const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
