import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contactFlow } from './webhook-test-app.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API_TOKEN = 'webhook-crash-api-token';
const FORM_TOKEN = 'crash-form-token-5b8e0d41';

const children: ChildProcess[] = [];
let root: string | undefined;
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Served {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<unknown>;
}

/** Starts `tributary serve` on a free port; resolves with the URL it prints once it listens. */
async function serve(dataDir: string, flowsDir: string): Promise<Served> {
  const child = spawn(process.execPath, ['bin/tributary.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', TRIBUTARY_DATA_DIR: dataDir, TRIBUTARY_FLOWS_DIR: flowsDir, TRIBUTARY_TOKEN: API_TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tributary is running: (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`serve exited early:\n${output}`)));
    setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
  });
  return { url, child, output: () => output, exited };
}

const api = (url: string, route: string, init: RequestInit = {}) =>
  fetch(`${url}${route}`, { ...init, headers: { Authorization: `Bearer ${API_TOKEN}`, 'Content-Type': 'application/json', ...init.headers } });

async function waitForPerson(url: string, email: string): Promise<{ data: Record<string, unknown> }> {
  const id = encodeURIComponent(`contact-form:${email}`);
  for (let i = 0; i < 200; i++) {
    const response = await api(url, `/api/entities/person/${id}`);
    if (response.status === 200) return (await response.json()) as { data: Record<string, unknown> };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no person ${email}`);
}

describe('a submission answered 202', () => {
  it('survives SIGKILL right after the answer: the next start stores the person', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'tributary-webhook-crash-'));
    const dataDir = path.join(root, 'data');
    const flowsDir = path.join(root, 'flows');
    mkdirSync(flowsDir);

    const first = await serve(dataDir, flowsDir);
    const saved = await api(first.url, '/api/flows/contact-form', { method: 'PUT', body: JSON.stringify(contactFlow({ token: FORM_TOKEN })) });
    expect(saved.status).toBe(201);
    const answer = await fetch(`${first.url}/hooks/contact-form/form`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Tributary-Token': FORM_TOKEN },
      body: 'firstName=Kim&lastName=Kill&email=Kim%40Example.org&website=',
    });
    expect(answer.status).toBe(202);
    first.child.kill('SIGKILL');
    await first.exited;
    const { id } = (await answer.json()) as { id: string };
    // Killed before its debounced run: the submission is only in the inbox.
    expect(readdirSync(path.join(dataDir, 'webhooks', 'contact-form', 'form'))).toEqual([`${id}.json`]);

    const second = await serve(dataDir, flowsDir);
    const person = await waitForPerson(second.url, 'kim@example.org');
    expect(person.data).toEqual({ firstName: 'Kim', lastName: 'Kill', email: 'kim@example.org' });
    const runs = (await (await api(second.url, '/api/flows/contact-form/runs')).json()) as { runs: { trigger: string; status: string }[] };
    expect(runs.runs).toEqual([expect.objectContaining({ trigger: 'webhook', status: 'succeeded' })]);
    expect(JSON.stringify(runs)).not.toContain(FORM_TOKEN);
    expect(first.output() + second.output()).not.toContain(FORM_TOKEN);
  }, 60_000);
});
