/**
 * The proxy's substitution language (DESIGN.md "Spending a token"), parsed strictly and only inside
 * JSON string values: `{{ tok_… | pan }}`, `{{ tok_… | expiry: 'MMYY' }}`, `{{ tok_… | cvc }}`,
 * `{{ tok_… | name }}`, `{{ tok_… | postal }}`. Anything else that starts with `{{` is an error
 * naming where it is, so nothing half-substituted is ever sent.
 */
export type Filter = 'pan' | 'expiry' | 'cvc' | 'name' | 'postal';
export const FILTERS: readonly Filter[] = ['pan', 'expiry', 'cvc', 'name', 'postal'];
export const EXPIRY_FORMATS = ['MMYY', 'MM/YY', 'MMYYYY', 'MM/YYYY', 'YYYYMM', 'YYYY-MM'] as const;
export const MAX_PROXY_TOKENS = 20;

export interface Expression {
  token: string;
  filter: Filter;
  format?: string;
}
/** Where an expression sits: the JSON path of its string and its character offset in it. */
export interface Place {
  path: string;
  offset: number;
}
export type Parsed = { ok: true; tokens: Map<string, Set<Filter>> } | { ok: false; place: Place; reason: string };

const EXPR = /^\{\{\s*(tok_[A-Za-z0-9_-]{1,64})\s*\|\s*([a-z]+)\s*(?::\s*'([^'{}]{1,16})'\s*)?\}\}/;

/** Parses one string's expressions; `at` gets each with its offset (for substitution). */
export function scanString(
  s: string,
  path: string,
  at: (e: Expression, offset: number, length: number) => void,
): { place: Place; reason: string } | undefined {
  let i = s.indexOf('{{');
  while (i !== -1) {
    const m = EXPR.exec(s.slice(i));
    if (!m) return { place: { path, offset: i }, reason: 'not an expression of the form {{ tok_… | filter }}' };
    const filter = m[2] as Filter;
    if (!FILTERS.includes(filter)) return { place: { path, offset: i }, reason: `unknown filter "${m[2]}" (use ${FILTERS.join(', ')})` };
    if (m[3] !== undefined && filter !== 'expiry') return { place: { path, offset: i }, reason: `the ${filter} filter takes no argument` };
    if (filter === 'expiry' && m[3] !== undefined && !(EXPIRY_FORMATS as readonly string[]).includes(m[3])) {
      return {
        place: { path, offset: i },
        reason: `unknown expiry format '${m[3]}' (use ${EXPIRY_FORMATS.map((f) => `'${f}'`).join(', ')})`,
      };
    }
    at({ token: m[1]!, filter, ...(m[3] !== undefined ? { format: m[3] } : {}) }, i, m[0].length);
    i = s.indexOf('{{', i + m[0].length);
  }
  return undefined;
}

/** Every string value of a JSON value, with its path (`body.card.number`, `body.items[2]`). */
export function* strings(v: unknown, path = 'body'): Generator<[string, string]> {
  if (typeof v === 'string') yield [v, path];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], `${path}[${i}]`);
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) yield* strings(x, `${path}.${k}`);
}

/** All expressions of a body: which tokens, and which of their fields; at most MAX_PROXY_TOKENS tokens. */
export function parseBody(body: unknown): Parsed {
  const tokens = new Map<string, Set<Filter>>();
  for (const [s, path] of strings(body)) {
    let tooMany: Place | undefined;
    const bad = scanString(s, path, (e, offset) => {
      if (!tokens.has(e.token) && tokens.size >= MAX_PROXY_TOKENS) tooMany ??= { path, offset };
      else tokens.set(e.token, (tokens.get(e.token) ?? new Set()).add(e.filter));
    });
    if (bad) return { ok: false, ...bad };
    if (tooMany) return { ok: false, place: tooMany, reason: `more than ${MAX_PROXY_TOKENS} tokens in one request` };
  }
  return { ok: true, tokens };
}

/** The body with every expression replaced by `value(expression)` (strings only; keys untouched). */
export function substitute(v: unknown, value: (e: Expression) => string): unknown {
  if (typeof v === 'string') {
    let out = '';
    let last = 0;
    scanString(v, '', (e, offset, length) => {
      out += v.slice(last, offset) + value(e);
      last = offset + length;
    });
    return out + v.slice(last);
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, value));
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, value)]));
  return v;
}

export function formatExpiry(month: number, year: number, format = 'MMYY'): string {
  const mm = String(month).padStart(2, '0');
  const yyyy = String(year).padStart(4, '0');
  const yy = yyyy.slice(-2);
  return format.replace('YYYY', yyyy).replace('YY', yy).replace('MM', mm);
}
