import { CoercionFailure, show } from './coercion-failure.ts';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;
const MAX_PLACES = 4;

function fromNumber(value: number, scale: number | undefined): string {
  if (!Number.isFinite(value)) throw new CoercionFailure(`${show(value)} is not a finite number`);
  const text = String(value);
  if (!text.includes('e')) return text;
  // Exponent notation: tiny numbers become fixed-point; huge ones cannot be written exactly.
  if (Math.abs(value) >= 1e21) throw new CoercionFailure(`${show(value)} is too large to be an exact decimal; send it as a string`);
  return value.toFixed(scale ?? MAX_PLACES);
}

/** Rounds the digits `int`.`frac` half away from zero to `places` decimals, exactly (on the digit string). */
function roundDigits(int: string, frac: string, places: number): [string, string] {
  if (frac.length <= places) return [int, frac.padEnd(places, '0')];
  const kept = frac.slice(0, places);
  if (frac.charCodeAt(places) < 53 /* '5' */) return [int, kept];
  const bumped = (BigInt(int + kept) + 1n).toString().padStart(int.length + places, '0');
  return [bumped.slice(0, bumped.length - places), bumped.slice(bumped.length - places)];
}

/**
 * Converts a number or numeric string to a decimal string with at most 4 places, working on the digits
 * so no float rounding creeps in (`0.1 + 0.2` becomes `"0.3"`). With `scale`, the result has exactly that many places (rounded half away
 * from zero). A decimal comma or thousands separator is refused, never guessed.
 * @example coerceDecimal(' 19.995 ', 2) // '20.00'
 * @example coerceDecimal('1,5') // throws CoercionFailure
 */
export function coerceDecimal(value: unknown, scale?: number): string {
  let text: string;
  if (typeof value === 'number') text = fromNumber(value, scale);
  else if (typeof value === 'string') text = value.trim();
  else throw new CoercionFailure(`${show(value)} is not a decimal number`);
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    const hint = text.includes(',') ? ' (use "." as the decimal point and no thousands separators)' : '';
    throw new CoercionFailure(`${show(value)} is not a decimal number${hint}`);
  }
  const [, sign, rawInt, rawFrac = ''] = match;
  const places = scale ?? Math.min(rawFrac.length, MAX_PLACES);
  let [int, frac] = roundDigits(rawInt === '' ? '0' : rawInt, rawFrac, places);
  // Rounded to the default 4 places (a float's long tail): drop the zeros rounding left behind.
  if (scale === undefined && rawFrac.length > MAX_PLACES) frac = frac.replace(/0+$/, '');
  const intDigits = int.replace(/^0+(?=\d)/, '');
  const body = frac.length > 0 ? `${intDigits}.${frac}` : intDigits;
  const isZero = /^[0.]*$/.test(body);
  return sign === '-' && !isZero ? `-${body}` : body;
}
