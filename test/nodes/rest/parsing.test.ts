import { describe, expect, it } from 'vitest';
import { compareCursors, maxCursor } from '../../../nodes/rest/collection/cursor-values.ts';
import { compilePath } from '../../../nodes/rest/collection/json-path.ts';
import { nextLink } from '../../../nodes/rest/collection/link-header.ts';
import { parseRetryAfter } from '../../../nodes/rest/transport/retry-policy.ts';

describe('rest.collection parsing helpers', () => {
  it.each([
    ['<https://a.test/x?page=2>; rel="next", <https://a.test/x?page=9>; rel="last"', 'https://a.test/x?page=2'],
    ['<https://a.test/x?page=9>; rel="last", <https://a.test/x?page=2>; rel=next', 'https://a.test/x?page=2'],
    ['</items?cursor=abc,def>; title="Next, please"; rel="prev next"', '/items?cursor=abc,def'],
    ['<https://a.test/x?page=1>; rel="first"', undefined],
    ['', undefined],
  ])('finds rel="next" in %j', (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });

  it('reads simple JSON paths, with or without $ and with indices', () => {
    const body = { data: { items: [{ id: 1 }] }, pages: [{ next: 'n' }] };
    expect(compilePath('data.items', 'recordsPath', 'n')(body)).toEqual([{ id: 1 }]);
    expect(compilePath('$.data.items', 'recordsPath', 'n')(body)).toEqual([{ id: 1 }]);
    expect(compilePath('pages[0].next', 'nextTokenPath', 'n')(body)).toBe('n');
    expect(compilePath('', 'recordsPath', 'n')(body)).toBe(body);
    expect(compilePath('data.missing.deeper', 'recordsPath', 'n')(body)).toBeUndefined();
    expect(() => compilePath('data..items', 'recordsPath', 'n')).toThrow(/recordsPath "data\.\.items" has an empty step/);
  });

  it('orders cursor values: numbers by value, date-times by instant, text as text', () => {
    expect(compareCursors(9, 10)).toBeLessThan(0);
    expect(compareCursors('9', '10')).toBeLessThan(0);
    expect(compareCursors('2024-01-01T10:00:00+02:00', '2024-01-01T09:00:00Z')).toBeLessThan(0);
    expect(maxCursor('2024-01-02T00:00:00Z', '2024-01-01T23:00:00Z')).toBe('2024-01-02T00:00:00Z');
    expect(maxCursor(undefined, 'b')).toBe('b');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
