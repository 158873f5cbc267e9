#!/usr/bin/env node
// Runs before `npm start`: builds the editor when editor/dist is missing or older than the editor's sources,
// so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'editor/dist/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'editor/src'), path.join(root, 'editor/index.html'), path.join(root, 'nodes/contract')];
const stale = !existsSync(built)
  || Math.max(...sources.map((source) => (statSync(source).isDirectory() ? newestSource(source) : statSync(source).mtimeMs))) > statSync(built).mtimeMs;
if (stale) {
  process.stdout.write('Building the editor (once)...\n');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
