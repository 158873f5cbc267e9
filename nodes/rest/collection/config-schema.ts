import type { FromSchema } from 'json-schema-to-ts';

/** How a collection is paged: not at all, by page number, offset and limit, a next-page token, or the `Link` header. */
export const PAGINATION_STYLES = ['none', 'page', 'offset', 'cursor', 'link'] as const;

/** A pagination style. */
export type PaginationStyle = (typeof PAGINATION_STYLES)[number];

const scalar = { type: ['string', 'number', 'boolean'] } as const;

/** Settings that must be present together (checked on save). */
const requirements = [
  { if: { properties: { pagination: { const: 'cursor' } }, required: ['pagination'] }, then: { required: ['nextTokenPath'] } },
  { if: { required: ['cursorField'] }, then: { required: ['cursorParam'] } },
  { if: { required: ['cursorParam'] }, then: { required: ['cursorField'] } },
] as const;

/** The `rest.collection` config schema. */
export const restCollectionConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', default: '', title: 'Path', description: 'Under the base URL, for example "shops/{shopId}/customers"; {name} takes a path parameter.' },
    pathParams: { type: 'object', additionalProperties: scalar, default: {}, title: 'Path parameters', description: 'Values of the {name} placeholders in the path (URL-encoded).' },
    query: { type: 'object', additionalProperties: scalar, default: {}, title: 'Query parameters', description: 'Sent with every request, for example { "status": "active" }.' },
    recordsPath: {
      type: 'string',
      default: '',
      title: 'Records at',
      description: 'Where the array of records sits in the reply, for example "data.items" or "$.data.items"; empty: the body is the array.',
    },
    pagination: { enum: PAGINATION_STYLES, default: 'none', title: 'Pagination' },
    pageSize: { type: 'integer', minimum: 1, maximum: 100000, default: 100, title: 'Page size' },
    pageSizeParam: { type: 'string', default: 'limit', title: 'Page size parameter', description: 'Query parameter that sends the page size ("per_page", "limit" ...); empty: not sent.' },
    pageParam: { type: 'string', minLength: 1, default: 'page', title: 'Page parameter', description: 'Page-number pagination: the query parameter of the page number.' },
    firstPage: { type: 'integer', minimum: 0, default: 1, title: 'First page number' },
    offsetParam: { type: 'string', minLength: 1, default: 'offset', title: 'Offset parameter', description: 'Offset pagination: the query parameter of the offset.' },
    nextTokenPath: { type: 'string', minLength: 1, title: 'Next token at', description: 'Cursor pagination: where the next page token sits in the reply, for example "meta.next_cursor".' },
    nextTokenParam: { type: 'string', minLength: 1, default: 'cursor', title: 'Next token parameter', description: 'Cursor pagination: the query parameter that sends the token.' },
    stopOnShortPage: {
      type: 'boolean',
      default: true,
      title: 'Stop on a short page',
      description: 'Page and offset pagination: a page with fewer records than the page size is the last. Turn off when the API caps the page size below yours; reading then stops at the first empty page.',
    },
    maxPages: { type: 'integer', minimum: 1, maximum: 10000000, default: 10000, title: 'Page limit', description: 'Safety limit: reading more pages than this fails the run.' },
    cursorField: { type: 'string', minLength: 1, title: 'Cursor field', description: 'Incremental reads: the record field that grows on each change, for example "updated_at".' },
    cursorParam: { type: 'string', minLength: 1, title: 'Cursor parameter', description: 'Incremental reads: the query parameter that sends the highest cursor seen, for example "updated_since".' },
    initialCursor: { type: ['string', 'number'], title: 'Initial cursor', description: 'Sent on the first (or a full) run; empty: the first run reads everything.' },
    sortedByCursor: {
      type: 'boolean',
      default: true,
      title: 'Sorted by cursor',
      description: 'The API returns records in ascending cursor order, so the cursor can be saved after each page. Turn off otherwise: it is then saved only after the last page.',
    },
  },
  allOf: requirements,
} as const;

/** The validated `rest.collection` config. */
export type RestCollectionConfig = FromSchema<typeof restCollectionConfigSchema>;

/** What `rest.collection` keeps between runs: the highest cursor value stored. */
export interface RestCollectionState {
  cursor: string | number;
}
