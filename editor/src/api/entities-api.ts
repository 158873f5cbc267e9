import { request } from './http.ts';
import type { ApiPage, EntityItem } from './types.ts';

/** Filter and page of an entity listing. */
export interface EntityListQuery {
  channel?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One page of entities of a type. */
export async function listEntities(type: string, query: EntityListQuery): Promise<ApiPage<EntityItem>> {
  const path = `/api/entities/${encodeURIComponent(type)}`;
  return (await request<ApiPage<EntityItem>>('GET', path, { query: { ...query } })).data;
}

/** One entity by its id, `<channel>:<originId>`. */
export async function getEntity(type: string, id: string): Promise<EntityItem> {
  return (await request<EntityItem>('GET', `/api/entities/${encodeURIComponent(type)}/${encodeURIComponent(id)}`)).data;
}
