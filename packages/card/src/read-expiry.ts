/**
 * What an expiry input says so far. Accepted forms: 'MM/YY', 'MM / YYYY', 'M/YY', 'MM-YY',
 * 'MMYY', 'MMYYYY' and 'YYYY-MM' (the value browsers autofill into `<input type=month>` and
 * some password managers produce). A two-digit year is 20YY.
 */
export type ExpiryReading =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  /** Typing is not finished; `yearPrefix` holds the year digits so far ('' while still on the month). */
  | { kind: 'partial'; yearPrefix: string; yearDigits: 2 | 4 }
  | { kind: 'complete'; month: number; year: number; yearText: string };

const YEAR_FIRST = /^(\d{4})\s*-\s*(\d{0,2})$/;
const SEPARATED = /^(\d{1,2})\s*[/-]\s*(\d{0,4})$/;
const DIGITS_ONLY = /^(\d{1,2})(\d{0,4})$/;

export function readExpiry(input: string): ExpiryReading {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const yearFirst = YEAR_FIRST.exec(text);
  const parts = yearFirst ? { year: yearFirst[1]!, month: yearFirst[2]! } : splitMonthFirst(text);
  if (!parts) return { kind: 'invalid' };
  const { month, year } = parts;

  if (month === '') return { kind: 'partial', yearPrefix: year, yearDigits: 4 }; // 'YYYY-'
  // A lone first digit may still become 01–12 ('0', '1'); formatExpiry pads '4' to '04 / '.
  if (month.length === 1 && year === '' && !SEPARATED.test(text)) return { kind: 'partial', yearPrefix: '', yearDigits: 2 };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return { kind: 'invalid' };
  if (year.length === 2 || year.length === 4) {
    return { kind: 'complete', month: monthNumber, year: year.length === 2 ? 2000 + Number(year) : Number(year), yearText: year };
  }
  return { kind: 'partial', yearPrefix: year, yearDigits: year.length === 3 ? 4 : 2 };
}

function splitMonthFirst(text: string): { month: string; year: string } | undefined {
  const match = SEPARATED.exec(text) ?? DIGITS_ONLY.exec(text);
  return match ? { month: match[1]!, year: match[2]! } : undefined;
}
