import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantiateTemplate } from '../../../nodes/templates/instantiate-template.ts';
import { runFlow } from '../../../runtime/engine/run-flow.ts';
import { openProject, type Project } from '../../../runtime/project/open-project.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { startTodoServer, type TodoServer } from '../../../examples/custom-nodes/todo-channel/server/todo-server.ts';
import { createTempProject, REPO_ROOT, type TempProject } from './temp-project.ts';

const TOKEN = 'todo-secret';
let server: TodoServer;
let project: TempProject;
let opened: Project;
let store: SqliteEntityStore;

/** The example package, copied into a temp project's node_modules as `npm install` would, with a person extension. */
beforeAll(async () => {
  server = await startTodoServer({ token: TOKEN });
  project = await createTempProject();
  await project.linkTributary();
  await project.installCopy('tributary-todo', path.join(REPO_ROOT, 'examples', 'custom-nodes', 'todo-channel'));
  await project.writeConfig({ packages: ['tributary-todo'], entities: { extend: { person: { todoPlan: { enum: ['free', 'pro'] } } } } });
  opened = await openProject({ cwd: project.dir });
  store = new SqliteEntityStore({ dataDir: path.join(project.dir, 'data'), registry: opened.entities });
  await store.init();
});
afterAll(async () => {
  await store?.close();
  await server?.close();
  await project?.remove();
});

async function persons(): Promise<Record<string, Record<string, unknown>>> {
  const byId: Record<string, Record<string, unknown>> = {};
  for await (const record of store.exportEntities('person')) byId[record.originId] = record.data;
  return byId;
}

describe('the todo-channel example package, installed in a project', () => {
  it('loads its node types, channel type and template without problems', () => {
    expect(opened.catalog.problems).toEqual([]);
    expect(opened.catalog.sourceOf('todo.users', 1)).toBe('tributary-todo/src/index.ts');
    expect(opened.templates.listChannelTypes(opened.catalog).find((type) => type.id === 'todo')).toMatchObject({
      label: 'Todo', templateIds: ['todo.users'], nodeTypes: ['todo.api', 'todo.user-mapper', 'todo.users'],
    });
  });

  it('runs a flow made from its template into the SQLite store, then syncs only what changed', async () => {
    const flow = instantiateTemplate(opened.templates.get('todo.users')!, {
      flowId: 'todo-main', name: 'Todo', values: { api: { baseUrl: server.url, token: TOKEN } },
    }, opened.catalog);
    const options = { flow, catalog: opened.catalog, store, entities: opened.entities, trigger: 'manual' as const, env: {} };
    const first = await runFlow(options);
    expect(first).toMatchObject({ status: 'succeeded', entities: { added: 5, updated: 0, unchanged: 0 } });
    expect(first.cursorsAfter).toEqual({ users: { updatedSince: '2024-03-05T09:00:00.000Z' } });
    expect((await persons())['2']).toEqual({ firstName: 'Grace Brewster', lastName: 'Hopper', email: 'grace@example.com', todoPlan: 'free' });

    server.touch(2, { plan: 'pro' });
    server.requests.length = 0;
    const second = await runFlow(options);
    expect(second).toMatchObject({ status: 'succeeded', entities: { added: 0, updated: 1, unchanged: 0 } });
    expect(server.requests).toEqual(['/api/users?page=1&updatedSince=2024-03-05T09%3A00%3A00.000Z']);
    expect((await persons())['2'].todoPlan).toBe('pro');
  });
});
