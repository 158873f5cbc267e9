/** Thrown by a coercion when a value cannot be converted; the mapper turns it into a reject reason. */
export class CoercionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoercionFailure';
  }
}

/** A short, quoted rendering of a value for reject reasons. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
