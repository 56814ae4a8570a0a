/**
 * Live formatting that keeps the caret where the shopper expects it.
 *
 * The caret is tracked by how many *significant* characters (digits for card inputs) sit before
 * it, not by its raw index: formatting only adds or removes separators, so "after the 7th digit"
 * survives any reformatting, whether the edit was typing, paste, autofill or a deletion in the middle.
 */
export interface Edit {
  value: string;
  caret: number;
  /** The edit removed text (Backspace/Delete/cut): a separator the formatter appends is not re-added. */
  deleting: boolean;
}

export interface Formatted {
  value: string;
  caret: number;
}

export function reformat(edit: Edit, format: (raw: string) => string, isSignificant: (ch: string) => boolean): Formatted {
  // After a deletion, separators left dangling at the end ('12 / ' → '1 / ') are dropped before and
  // after formatting, so deleting never gets stuck behind a separator the formatter re-adds.
  const source = edit.deleting ? trimTrailingSeparators(edit.value, isSignificant) : edit.value;
  let value = format(source);
  if (edit.deleting) value = trimTrailingSeparators(value, isSignificant);
  if (edit.caret >= source.length) return { value, caret: value.length };
  const wanted = countSignificant(source.slice(0, edit.caret), isSignificant);
  return { value, caret: caretAfter(value, wanted, isSignificant) };
}

/**
 * Where a deletion should start so that Backspace on "4242 |4242" removes the digit before the
 * separator (the separator alone would just be re-added by the formatter).
 */
export function skipSeparators(
  value: string,
  caret: number,
  direction: 'backward' | 'forward',
  isSignificant: (ch: string) => boolean,
): number {
  let i = caret;
  if (direction === 'backward') while (i > 0 && !isSignificant(value.charAt(i - 1))) i--;
  else while (i < value.length && !isSignificant(value.charAt(i))) i++;
  return i;
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function countSignificant(s: string, isSignificant: (ch: string) => boolean): number {
  let n = 0;
  for (const ch of s) if (isSignificant(ch)) n++;
  return n;
}

function caretAfter(value: string, wanted: number, isSignificant: (ch: string) => boolean): number {
  if (wanted === 0) return 0;
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    if (isSignificant(value.charAt(i)) && ++seen === wanted) return i + 1;
  }
  return value.length;
}

function trimTrailingSeparators(value: string, isSignificant: (ch: string) => boolean): string {
  let end = value.length;
  while (end > 0 && !isSignificant(value.charAt(end - 1))) end--;
  return value.slice(0, end);
}
