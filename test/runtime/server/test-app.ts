import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { Logger } from '../../../nodes/contract/logger.ts';
import { createAppContext, type AppContext, type AppContextOptions } from '../../../runtime/server/app-context.ts';
import { createApp } from '../../../runtime/server/create-app.ts';
import { SqliteEntityStore } from '../../../runtime/store/sqlite-store.ts';
import { createTestCatalog } from './test-nodes.ts';

/** The API token every test app uses. */
export const TOKEN = 'test-token-0123456789';

/** A running test app over temporary directories, with every log line captured. */
export interface TestApp {
  ctx: AppContext;
  app: Express;
  dataDir: string;
  flowsDir: string;
  logs: string[];
  /** An authorized supertest agent call: `api().get('/api/flows')`. */
  api(): TestAgent;
  close(): Promise<void>;
}

type TestAgent = {
  get(path: string): request.Test;
  put(path: string): request.Test;
  post(path: string): request.Test;
  delete(path: string): request.Test;
};

/** A logger that keeps every line (message and fields) for leak checks. */
export function capturingLogger(lines: string[]): Logger {
  const entry = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/** Creates an app context and app over fresh temporary data and flows directories. */
export async function createTestApp(options: Partial<AppContextOptions> = {}): Promise<TestApp> {
  const root = mkdtempSync(join(tmpdir(), 'tributary-server-'));
  const dataDir = join(root, 'data');
  const flowsDir = join(root, 'flows');
  const logs: string[] = [];
  const store = new SqliteEntityStore({ dataDir });
  const ctx = await createAppContext({
    dataDir, flowsDir, env: { TRIBUTARY_TOKEN: TOKEN, TRIBUTARY_SECRET_KEY: 'a test secret key' },
    catalog: createTestCatalog(), store, logger: capturingLogger(logs), schedule: false, ...options,
  });
  const app = createApp(ctx);
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${TOKEN}`);
  const agent = request(app);
  return {
    ctx, app, dataDir, flowsDir, logs,
    api: () => ({
      get: (path) => auth(agent.get(path)),
      put: (path) => auth(agent.put(path)),
      post: (path) => auth(agent.post(path)),
      delete: (path) => auth(agent.delete(path)),
    }),
    close: async () => {
      await ctx.close(5_000);
      await store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Parses a server-sent events body into `{ event, data }` pairs. */
export function parseEvents(text: string): { event: string; data: unknown }[] {
  return text.split('\n\n').filter((block) => block.includes('event:')).map((block) => {
    const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
    const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
    return { event, data: JSON.parse(data) as unknown };
  });
}

/** Reads a whole server-sent events response as text (supertest does not buffer event streams by itself). */
export function readEventStream(test: request.Test): Promise<string> {
  return new Promise((resolve, reject) => {
    test
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => callback(null, text));
      })
      .end((error, response) => (error ? reject(error) : resolve(response.body as string)));
  });
}
