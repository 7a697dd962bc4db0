// The app's localStorage and autosave seen from the page: seeding before the first load,
// reading back what was stored, counting autosave runs, firing pagehide.

import { TIMEOUT } from './config.mjs';
import { KEYS } from './fixtures.mjs';

/**
 * An init script that fills localStorage with `entries` ({key: value}) before the app's first
 * load in each tab only (a sessionStorage flag guards it), after clearing it.
 */
export async function seedStorage(context, entries) {
  await context.addInitScript((seed) => {
    try {
      if (location.protocol !== 'http:' || sessionStorage.getItem('__test_seeded')) return;
      sessionStorage.setItem('__test_seeded', '1');
      localStorage.clear();
      for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
    } catch {
      // storage made unavailable by another init script: nothing to seed
    }
  }, entries);
}

/** Every localStorage entry of the page's origin, as a plain object. */
export async function storageDump(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The stored scenario `id` parsed, or null. */
export async function storedScenario(page, id) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), KEYS.scenario(id));
  return raw === null ? null : JSON.parse(raw);
}

/**
 * An init script that counts the app's autosave runs (its 300 ms debounce timer): pending
 * timers in `window.__autosavePending`, finished runs in `window.__autosaves`.
 */
export async function trackAutosave(context) {
  await context.addInitScript(() => {
    window.__autosaves = 0;
    window.__autosavePending = new Set();
    const setTimeout = window.setTimeout;
    const clearTimeout = window.clearTimeout;
    window.setTimeout = function (fn, ms, ...rest) {
      if (ms !== 300 || typeof fn !== 'function') return setTimeout.call(window, fn, ms, ...rest);
      const id = setTimeout.call(
        window,
        (...args) => {
          window.__autosavePending.delete(id);
          try {
            fn(...args);
          } finally {
            window.__autosaves += 1;
          }
        },
        ms,
        ...rest,
      );
      window.__autosavePending.add(id);
      return id;
    };
    window.clearTimeout = function (id) {
      window.__autosavePending?.delete(id);
      return clearTimeout.call(window, id);
    };
  });
}

/** Autosave runs so far (needs trackAutosave). */
export async function autosaves(page) {
  return page.evaluate(() => window.__autosaves);
}

/** Waits until more than `after` autosaves ran and none is pending (needs trackAutosave). */
export async function autosaveSettled(page, after = 0) {
  await page.waitForFunction(
    (n) => window.__autosaves > n && window.__autosavePending.size === 0,
    after,
    { timeout: TIMEOUT },
  );
}

/** Fires the page's pagehide handlers now (the app saves there), without leaving the page. */
export async function firePagehide(page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
}
