import type { InputKindSpec } from './input-kind-spec';

const MAX_NAME = 100;

export const nameKind: InputKindSpec = {
  kind: 'name',
  autocomplete: 'cc-name',
  inputMode: 'text',
  numeric: false,
  isSignificant: () => true, // no separators are inserted: every character counts for the caret
  // Control characters never belong in a name; everything printable does (any script).
  format: (raw) => raw.replace(/\p{Cc}/gu, '').slice(0, MAX_NAME),
  evaluate(value) {
    const empty = value.trim() === '';
    return { empty, complete: !empty, invalid: false, ...(empty ? { code: 'incomplete_name' as const } : {}) };
  },
};
