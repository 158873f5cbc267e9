import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** A user of the example Todo API. */
export interface TodoServerUser {
  id: number;
  name: string;
  email: string;
  plan: 'free' | 'pro';
  updatedAt: string;
}

/** A running Todo API: its base URL, its users (change them to simulate edits) and how to stop it. */
export interface TodoServer {
  url: string;
  users: TodoServerUser[];
  /** Requests served, for tests that count pages. */
  requests: string[];
  /** Changes a user and moves its `updatedAt` to now, as an edit in the Todo app would. */
  touch(id: number, changes: Partial<TodoServerUser>): void;
  close(): Promise<void>;
}

/** The users the example server starts with. */
export const SAMPLE_USERS: TodoServerUser[] = [
  { id: 1, name: 'Ada Lovelace', email: 'Ada@Example.com', plan: 'pro', updatedAt: '2024-03-01T09:00:00.000Z' },
  { id: 2, name: 'Grace Brewster Hopper', email: 'grace@example.com', plan: 'free', updatedAt: '2024-03-02T09:00:00.000Z' },
  { id: 3, name: 'Alan Turing', email: 'alan@example.com', plan: 'free', updatedAt: '2024-03-03T09:00:00.000Z' },
  { id: 4, name: 'Katherine Johnson', email: 'katherine@example.com', plan: 'pro', updatedAt: '2024-03-04T09:00:00.000Z' },
  { id: 5, name: 'Edsger Dijkstra', email: 'edsger@example.com', plan: 'free', updatedAt: '2024-03-05T09:00:00.000Z' },
];

/**
 * Starts the example Todo API on 127.0.0.1: `GET /api/me` and `GET /api/users?updatedSince=&page=` (oldest change
 * first, `pageSize` users a page, `{ items, nextPage }`), bearer token auth.
 * @example const server = await startTodoServer({ token: 'secret' }); // server.url === 'http://127.0.0.1:<port>/api'
 */
export async function startTodoServer(options: { token: string; port?: number; pageSize?: number; users?: TodoServerUser[] }): Promise<TodoServer> {
  const users = structuredClone(options.users ?? SAMPLE_USERS);
  const requests: string[] = [];
  const pageSize = options.pageSize ?? 2;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: 'bad token' });
    if (url.pathname === '/api/me') return send(200, { account: 'example' });
    if (url.pathname !== '/api/users') return send(404, { error: 'not found' });
    const since = url.searchParams.get('updatedSince');
    const page = Number(url.searchParams.get('page') ?? 1);
    const changed = users.filter((user) => since === null || user.updatedAt > since).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    return send(200, { items: changed.slice((page - 1) * pageSize, page * pageSize), nextPage: page * pageSize < changed.length ? page + 1 : null });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    users,
    requests,
    touch(id, changes) {
      const user = users.find((candidate) => candidate.id === id);
      if (user) Object.assign(user, changes, { updatedAt: new Date().toISOString() });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startTodoServer({ token: process.env.TODO_TOKEN ?? 'todo-secret', port: Number(process.env.PORT ?? 4010) });
  process.stdout.write(`Todo API on ${server.url} (token: ${process.env.TODO_TOKEN ?? 'todo-secret'})\n`);
}
