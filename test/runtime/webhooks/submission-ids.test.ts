import { describe, expect, it } from 'vitest';
import { highestId, SubmissionIds } from '../../../runtime/webhooks/submission-ids.ts';

describe('SubmissionIds', () => {
  it('grows strictly per inbox even when the clock stands still or goes back', () => {
    let now = 1_752_570_000_000_000;
    const ids = new SubmissionIds(() => now);
    const a = ids.next('inbox');
    const b = ids.next('inbox');
    now -= 5_000_000;
    const c = ids.next('inbox');
    expect([a, b, c]).toEqual(['1752570000000000', '1752570000000001', '1752570000000002']);
    expect(ids.next('other')).toBe('1752569995000000');
  });

  it('starts above a seeded floor (the highest id on disk or committed)', () => {
    const ids = new SubmissionIds(() => 1_000);
    ids.seed('inbox', highestId(['0000000000005000', undefined, '0000000000009000']));
    expect(ids.next('inbox')).toBe('0000000000009001');
  });
});
