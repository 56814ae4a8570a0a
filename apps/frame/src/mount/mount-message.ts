/**
 * Messages between the frames of one mount, on BroadcastChannel(`tf:${mount}`) inside the frames origin.
 *
 * Requirements (DESIGN.md, "The channel"; issue #5):
 * - card values travel only here, never over postMessage;
 * - the merchant page cannot join (a BroadcastChannel is scoped to the frames origin), but a script on
 *   it can read the mount id and add frames of its own — under *another* account's key, or for another
 *   mount. Every frame on the frames origin runs our code, so each frame stamps the `pk`, `origin` and
 *   `mount` it was served with on every message, and every receiver drops messages whose stamp differs
 *   from its own (see ./mount-bus.ts). A field therefore answers only a controller served for the same
 *   key, page origin and mount, and addresses its values to that controller (`to`, `nonce`).
 * Steps: controller `rollcall` at boot ↔ field `present` (at boot and on rollcall); tokenize: controller
 * `collect {nonce}` → each field `values {to, nonce}`; then maybe `reveal` (show errors). Split fields
 * share `brand` (CVC length) and `autofill` (expiry/CVC/name filled into the number frame).
 */
import { isFieldType } from '@tokenframe/protocol';
import type { FieldType } from '@tokenframe/protocol';

export const MOUNT_NS = 'tokenframe-mount' as const;

export interface MountStamp {
  pk: string;
  origin: string;
  mount: string;
}

/** `network`: the number field's selected network of a co-badged card (EU IFR art. 8). */
export type MountValues = Partial<Record<'number' | 'expiry' | 'cvc' | 'name' | 'postal' | 'network', string>>;
export type AutofillValues = Pick<MountValues, 'expiry' | 'cvc' | 'name'>;

export type MountBody =
  | { kind: 'rollcall' }
  | { kind: 'present'; field: FieldType }
  | { kind: 'gone' }
  | { kind: 'collect'; nonce: string }
  | { kind: 'values'; to: string; nonce: string; field: FieldType; values: MountValues }
  | { kind: 'reveal' }
  | { kind: 'autofill'; values: AutofillValues }
  | { kind: 'brand'; brand: string; cvcLength: number };

export type MountMessage = MountStamp & { ns: typeof MOUNT_NS; from: string } & MountBody;

const ID = /^[0-9a-f]{32}$/;
const VALUE_KEYS = ['number', 'expiry', 'cvc', 'name', 'postal', 'network'];
const AUTOFILL_KEYS = ['expiry', 'cvc', 'name'];
const MAX_VALUE = 128;
const MAX_STAMP = 512;

export function isMountMessage(x: unknown): x is MountMessage {
  if (!isRecord(x) || x['ns'] !== MOUNT_NS) return false;
  if (!isText(x['pk'], MAX_STAMP) || !isText(x['origin'], MAX_STAMP) || !isText(x['mount'], 64) || !isId(x['from'])) return false;
  const common = ['ns', 'pk', 'origin', 'mount', 'from', 'kind'];
  switch (x['kind']) {
    case 'rollcall':
    case 'gone':
    case 'reveal':
      return exactKeys(x, common);
    case 'present':
      return exactKeys(x, [...common, 'field']) && isFieldType(x['field']);
    case 'collect':
      return exactKeys(x, [...common, 'nonce']) && isId(x['nonce']);
    case 'values':
      return (
        exactKeys(x, [...common, 'to', 'nonce', 'field', 'values']) &&
        isId(x['to']) &&
        isId(x['nonce']) &&
        isFieldType(x['field']) &&
        isValues(x['values'], VALUE_KEYS)
      );
    case 'autofill':
      return exactKeys(x, [...common, 'values']) && isValues(x['values'], AUTOFILL_KEYS);
    case 'brand':
      return exactKeys(x, [...common, 'brand', 'cvcLength']) && isText(x['brand'], 32) && (x['cvcLength'] === 3 || x['cvcLength'] === 4);
    default:
      return false;
  }
}

export function isId(x: unknown): x is string {
  return typeof x === 'string' && ID.test(x);
}

function isValues(x: unknown, allowed: string[]): boolean {
  return isRecord(x) && Object.entries(x).every(([k, v]) => allowed.includes(k) && isText(v, MAX_VALUE));
}

function isText(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

function exactKeys(x: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(x);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(x, k));
}

function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
