/**
 * Removes secret values from text before it reaches a log line, a run record or an error message.
 * Secrets shorter than 4 characters are not scrubbed (they would mangle ordinary text) — and are refused
 * as weak by the secret store's users anyway.
 */
export class Scrubber {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string>) {
    this.secrets = [...secrets].filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
  }

  /** The text with every known secret replaced by `***`. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('***');
    return out;
  }

  /** A JSON-safe deep copy of `value` with secrets scrubbed from every string. */
  scrubValue<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    return JSON.parse(this.scrub(JSON.stringify(value) ?? 'null')) as T;
  }
}
