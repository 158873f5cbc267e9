import { compareSubmissionIds, SUBMISSION_ID_DIGITS } from '../../nodes/webhook/inbox/submission-file.ts';

/**
 * Hands out submission ids that only grow, per inbox: microseconds since 1970 as 16 decimal digits, one
 * more than the previous id when the clock has not moved on (or went back). Each inbox starts above a
 * floor (the highest id on disk or committed), so a clock set back after a restart cannot produce an id
 * at or below a committed cursor, which would make the reader skip it.
 * @example const ids = new SubmissionIds(); ids.seed('inbox', '1752570000000000'); ids.next('inbox')
 */
export class SubmissionIds {
  private readonly last = new Map<string, number>();

  constructor(private readonly nowMicros: () => number = () => Date.now() * 1000) {}

  /** Raises the inbox's floor to `id` (ignored when it is not above the current one). */
  seed(inbox: string, id: string | undefined): void {
    if (id === undefined || !/^\d+$/.test(id)) return;
    const value = Number(id);
    if (Number.isSafeInteger(value) && value > (this.last.get(inbox) ?? -1)) this.last.set(inbox, value);
  }

  /** The next id of the inbox. */
  next(inbox: string): string {
    const value = Math.max(this.nowMicros(), (this.last.get(inbox) ?? -1) + 1);
    this.last.set(inbox, value);
    return String(value).padStart(SUBMISSION_ID_DIGITS, '0');
  }
}

/** The highest of some ids (undefined for none). */
export function highestId(ids: Iterable<string | undefined>): string | undefined {
  let highest: string | undefined;
  for (const id of ids) if (id !== undefined && (highest === undefined || compareSubmissionIds(id, highest) > 0)) highest = id;
  return highest;
}
