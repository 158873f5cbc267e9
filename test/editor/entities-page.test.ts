// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { EntityItem } from '../../editor/src/api/types.ts';
import EntitiesPage from '../../editor/src/pages/EntitiesPage.vue';
import { useAuthStore } from '../../editor/src/stores/auth.ts';
import { installFakeApi } from './fake-api.ts';

const person = (n: number): EntityItem => ({
  id: `crm:${n}`, type: 'person', channel: 'crm', originId: String(n), data: { firstName: `P${n}`, email: `p${n}@example.com` },
  hash: 'h', firstSeenAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', runId: 'r1',
});

afterEach(() => vi.unstubAllGlobals());

describe('entities page', () => {
  it('pages with cursors, searches, filters by channel and opens a record with its origin', async () => {
    const requests = installFakeApi({
      'GET /api/nodes': () => ({ body: { nodes: [], problems: [], entityTypes: [
        { type: 'person', label: 'Persons', schema: { type: 'object', properties: { firstName: { type: 'string' }, email: { type: 'string' } } } },
        { type: 'product', label: 'Products', schema: { type: 'object', properties: { sku: { type: 'string' } } } },
      ] } }),
      'GET /api/flows': () => ({ body: { flows: [{ id: 'crm', name: 'CRM', enabled: true, channelTypes: [], nextRuns: [], etag: 'e' }] } }),
      'GET /api/entities/:type': ({ query }) => (query.get('cursor') === 'page-2'
        ? { body: { items: [person(3)] } }
        : { body: { items: [person(1), person(2)], nextCursor: 'page-2' } }),
      'GET /api/entities/:type/:id': ({ params }) => ({ body: person(Number(params.id.split(':')[1])) }),
    });
    const pinia = createPinia();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/entities/:type?', component: EntitiesPage }] });
    useAuthStore(pinia).setToken('t');
    await router.push('/entities');
    const page = mount({ template: '<router-view />' }, { global: { plugins: [pinia, router] }, attachTo: document.body });
    await vi.waitFor(() => expect(page.findAll('[data-testid^="entity-row-"]')).toHaveLength(2));
    expect(page.findAll('[data-testid^="entity-tab-"]').map((tab) => tab.text())).toEqual(['Persons', 'Products']);
    expect(page.find('thead').text()).toContain('firstName');
    expect(page.find('[data-testid="entity-row-crm:1"]').text()).toContain('crm');

    await page.find('[data-testid="entities-next"]').trigger('click');
    await vi.waitFor(() => expect(page.findAll('[data-testid^="entity-row-"]')).toHaveLength(1));
    expect(requests.at(-1)?.query.get('cursor')).toBe('page-2');
    await page.find('[data-testid="entities-prev"]').trigger('click');
    await vi.waitFor(() => expect(page.findAll('[data-testid^="entity-row-"]')).toHaveLength(2));
    expect(requests.at(-1)?.query.has('cursor')).toBe(false);

    await page.find('[data-testid="entity-channel"]').setValue('crm');
    await page.find('[data-testid="entity-search"]').setValue('p1');
    await vi.waitFor(() => expect(requests.at(-1)?.query.get('q')).toBe('p1'));
    expect(requests.at(-1)?.query.get('channel')).toBe('crm');

    await page.find('[data-testid="entity-row-crm:1"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-testid="drawer-channel"]').text()).toBe('crm');
    expect(page.find('[data-testid="drawer-origin"]').text()).toBe('1');
    expect(page.find('[data-testid="drawer-data"]').text()).toContain('p1@example.com');
  });
});
