/**
 * A real `tributary serve` child process for end-to-end tests: a free port on 127.0.0.1, temporary data and
 * flows directories, a known token. Resolves once the server prints its link.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LINK = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[^\s"']+/;

/** A running server. */
export interface TributaryServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The link it printed, with the token. */
  link: string;
  token: string;
  dataDir: string;
  flowsDir: string;
  /** Calls the API with the token. */
  api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; etag: string | null }>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForLink(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`tributary serve printed no link within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = LINK.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tributary serve exited with code ${code} before printing its link. Output:\n${output}`));
    });
  });
}

function apiClient(url: string, token: string): TributaryServer['api'] {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('ETag') };
  };
}

/**
 * The server to test: `E2E_SERVER_URL` and `E2E_TOKEN` point at one already running (for example
 * `npm start` while developing); otherwise a fresh `tributary serve` is started.
 */
export async function startOrAttach(): Promise<TributaryServer> {
  const url = process.env.E2E_SERVER_URL;
  const token = process.env.E2E_TOKEN;
  if (!url || !token) return startTributary();
  return { url, token, link: `${url}/?token=${token}`, dataDir: '', flowsDir: '', api: apiClient(url, token), stop: async () => undefined };
}

/** Starts `node bin/tributary.js serve` with its own directories. */
export async function startTributary(extraEnv: Record<string, string> = {}): Promise<TributaryServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tributary-e2e-data-'));
  const flowsDir = await mkdtemp(join(tmpdir(), 'tributary-e2e-flows-'));
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/tributary.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TRIBUTARY_DATA_DIR: dataDir, TRIBUTARY_FLOWS_DIR: flowsDir,
      TRIBUTARY_TOKEN: token, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(flowsDir, { recursive: true, force: true });
  };
  let link: string;
  try {
    link = await waitForLink(child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return { url, link, token, dataDir, flowsDir, stop, api: apiClient(url, token) };
}
