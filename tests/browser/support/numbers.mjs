// Expected figures computed in the test, the way the model documents them: counts read off the
// page, thousands separators, largest-remainder splits.

import assert from 'node:assert/strict';

/** "6,667件" / "10,000円" free: the integer a shown count stands for ("2,135" → 2135). */
export function countOf(text) {
  const n = Number(String(text).replace(/[,件人\s]/g, ''));
  assert.ok(Number.isFinite(n), `not a count: ${text}`);
  return n;
}

/** Thousands separators, as the app shows counts: 6667 → "6,667". */
export function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Largest remainder, as crates/model/src/plan/mod.rs documents it: each part is its exact quota
 * (total × weight ÷ Σweights) rounded down, and the units left over go to the largest fractional
 * parts, the earlier index on a tie. The parts sum to `total`.
 */
export function largestRemainder(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  const order = quotas.map((q, i) => [q - Math.floor(q), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length][1]] += 1;
  return parts;
}
