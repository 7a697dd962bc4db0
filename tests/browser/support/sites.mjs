// Static sites on 127.0.0.1 served by `python3 -m http.server`: the app's own server (a snapshot
// of dist/) and site roots holding the app under a sub-path, one server (origin) each, as the
// embed, offline and security tests publish a blog and the app side by side.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST_DIR } from './config.mjs';

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** The HTTP status `url` answers with right now (0: no answer). */
export const statusOf = httpStatus;

/**
 * Checks that dist/ is a complete build (index.html and every local file it references), then
 * copies it to a temporary directory so a rebuild running at the same time cannot change the
 * files under a test. Returns the copy's path.
 */
export function snapshotDist(dir = DIST_DIR) {
  const index = path.join(dir, 'index.html');
  assert.ok(fs.existsSync(index), `${index} is missing: build first (trunk build --release --offline)`);
  const html = fs.readFileSync(index, 'utf8');
  const refs = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*['"]\.\/([^'"?#]+)['"]/g)].map((m) => m[1]);
  const importRefs = [...html.matchAll(/from\s+['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const missing = [...new Set([...refs, ...importRefs])].filter((f) => !fs.existsSync(path.join(dir, f)));
  assert.deepEqual(missing, [], `${dir} is incomplete (a build in progress?): missing ${missing.join(', ')}`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-dist-'));
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

/**
 * Serves a snapshot of dist/ with `python3 -m http.server` on 127.0.0.1 and waits until it
 * answers. `stop()` ends the server and removes the snapshot. Returns { url, dir, stop }.
 */
export async function startServer(distDir = DIST_DIR) {
  const dir = snapshotDist(distDir);
  let server;
  try {
    server = await serveDir(dir);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: server.url,
    dir,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new temporary site root holding a snapshot of dist/ under `subPath` (e.g. 'tools/calc'; ''
 * for the root), as on a static host. Returns { root, appDir, remove() }.
 */
export function siteWithApp(subPath = '', distDir = DIST_DIR) {
  const snapshot = snapshotDist(distDir);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-browser-site-'));
  const appDir = path.join(root, subPath);
  fs.mkdirSync(path.dirname(appDir), { recursive: true });
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.cpSync(snapshot, appDir, { recursive: true });
  fs.rmSync(snapshot, { recursive: true, force: true });
  return { root, appDir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * Serves `dir` as it is (no snapshot) with `python3 -m http.server` on 127.0.0.1 and waits until
 * it answers. `stop()` ends the server (idempotent) and leaves `dir` in place.
 * Returns { port, url: 'http://127.0.0.1:<port>/', stop(), running() }.
 */
export async function serveDir(dir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`http.server exited early (${proc.exitCode}): ${stderr}`);
    if ((await httpStatus(url)) === 200) break;
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error(`http.server did not answer on ${url}: ${stderr}`);
    }
    // Readiness poll of a child process, not a wait for the app: a short back-off is fine.
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url,
    running: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}
