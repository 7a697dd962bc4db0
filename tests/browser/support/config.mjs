// Where things are and how long to wait: the built app, the artifacts folder, Chromium.
//
// DIST_DIR may point at another built dist/ (a relative path is taken from the repository's
// root; default: its dist/). CHROMIUM_PATH may point at another Chromium.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BROWSER_TESTS_DIR = path.resolve(here, '..');
export const REPO_DIR = path.resolve(BROWSER_TESTS_DIR, '../..');
export const DIST_DIR = path.resolve(REPO_DIR, process.env.DIST_DIR ?? 'dist');
export const ARTIFACTS_DIR = path.join(BROWSER_TESTS_DIR, 'artifacts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Default time limit for every wait on a condition (ms). */
export const TIMEOUT = 10_000;
