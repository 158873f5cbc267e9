import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApiToken, tokenMatches } from '../../../runtime/server/api-token.ts';
import { createTestApp, TOKEN, type TestApp } from './test-app.ts';
import { peopleFlow } from './test-nodes.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('auth', () => {
  it('leaves /api/health open and asks every other route for the token', async () => {
    t = await createTestApp();
    const health = await request(t.app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, version: expect.any(String) });
    for (const path of ['/api/flows', '/api/nodes', '/api/openapi.json', '/api/no-such-route']) {
      const denied = await request(t.app).get(path);
      expect(denied.status, path).toBe(401);
      expect(denied.body.error.code).toBe('unauthorized');
      expect(denied.headers['www-authenticate']).toContain('Bearer');
    }
    expect((await request(t.app).get('/api/flows').set('Authorization', 'Bearer wrong')).status).toBe(401);
    expect((await request(t.app).get('/api/flows').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await request(t.app).get(`/api/flows?token=${TOKEN}`)).status).toBe(200);
  });

  it('generates a token into the data dir (0600) on first start and reuses it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tributary-token-'));
    const first = await loadApiToken(dataDir, {});
    expect(first.source).toBe('generated');
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, 'token')).mode & 0o777).toBe(0o600);
    expect(await loadApiToken(dataDir, {})).toEqual({ token: first.token, source: 'file' });
    expect(await loadApiToken(dataDir, { TRIBUTARY_TOKEN: 'from-env' })).toEqual({ token: 'from-env', source: 'env' });
    expect(tokenMatches(first.token, first.token)).toBe(true);
    expect(tokenMatches(`${first.token}x`, first.token)).toBe(false);
    expect(tokenMatches(undefined, first.token)).toBe(false);
  });
});

describe('request handling', () => {
  it('answers 400 naming every failed field of a body or query', async () => {
    t = await createTestApp();
    await t.api().put('/api/flows/shop').send(peopleFlow('shop'));
    const badBody = await t.api().post('/api/flows/shop/runs').send({ full: 'yes', extra: 1 });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.code).toBe('bad_request');
    expect(badBody.body.error.details.fields.map((item: { field: string }) => item.field).sort()).toEqual(['body.extra', 'body.full']);
    const badQuery = await t.api().get('/api/flows/shop/runs?limit=0');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details.fields).toEqual([expect.objectContaining({ field: 'query.limit' })]);
    const missing = await t.api().post('/api/nodes/test.api/check').send({});
    expect(missing.body.error.details.fields).toEqual([expect.objectContaining({ field: 'body.config' })]);
    const badId = await t.api().get('/api/flows/Not..An..Id');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.fields).toEqual([expect.objectContaining({ field: 'params.id' })]);
  });

  it('answers 400 for malformed JSON, 415 for a body that is not JSON and 413 for one over 5 MB', async () => {
    t = await createTestApp();
    const malformed = await t.api().put('/api/flows/shop').set('Content-Type', 'application/json').send('{"schemaVersion": 1,');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
    const text = await t.api().put('/api/flows/shop').set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const huge = { ...peopleFlow('shop'), description: 'x'.repeat(6 * 1024 * 1024) };
    const tooLarge = await t.api().put('/api/flows/shop').send(huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('too_large');
  });

  it('answers unknown API routes with 404 JSON', async () => {
    t = await createTestApp();
    const response = await t.api().get('/api/nope');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/nope') } });
    expect((await t.api().post('/api/health')).status).toBe(404);
  });

  it('generates /api/openapi.json from the route table', async () => {
    t = await createTestApp();
    const document = (await t.api().get('/api/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toEqual(expect.arrayContaining([
      'GET /api/health', 'GET /api/nodes', 'POST /api/nodes/{type}/check', 'GET /api/flows', 'GET /api/flows/{id}', 'PUT /api/flows/{id}',
      'DELETE /api/flows/{id}', 'POST /api/flows/validate', 'GET /api/flows/{id}/versions', 'GET /api/flows/{id}/versions/{version}',
      'POST /api/flows/{id}/versions/{version}/restore', 'POST /api/flows/{id}/runs', 'GET /api/flows/{id}/runs', 'GET /api/runs/{id}',
      'GET /api/runs/{id}/events', 'POST /api/runs/{id}/cancel', 'GET /api/entities/{type}', 'GET /api/entities/{type}/{id}',
      'GET /api/rejects', 'GET /api/schedule/preview', 'GET /api/openapi.json',
    ]));
    const runs = document.paths['/api/flows/{id}/runs'];
    expect(runs.post.requestBody.content['application/json'].schema.properties.full.type).toBe('boolean');
    expect(runs.get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]));
    expect(document.paths['/api/health'].get.security).toEqual([]);
    expect(document.components.schemas.Flow.properties.nodes).toBeDefined();
  });

  it('serves the built editor with a fallback to index.html outside /api and /hooks', async () => {
    const editorDir = mkdtempSync(join(tmpdir(), 'tributary-editor-'));
    mkdirSync(join(editorDir, 'assets'));
    writeFileSync(join(editorDir, 'index.html'), '<!doctype html><title>Tributary</title>');
    writeFileSync(join(editorDir, 'assets', 'app.js'), 'console.log(1)');
    t = await createTestApp({ editorDir });
    expect((await request(t.app).get('/')).text).toContain('<title>Tributary</title>');
    expect((await request(t.app).get('/flows/shop/edit')).text).toContain('<title>Tributary</title>');
    expect((await request(t.app).get('/assets/app.js')).text).toBe('console.log(1)');
    expect((await request(t.app).get('/hooks/anything')).status).toBe(404);
    const api = await t.api().get('/api/unknown');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });
});
