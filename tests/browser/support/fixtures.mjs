// Scenario documents and share links built in node, as the app stores and writes them: the
// default draft, stored/exported scenario JSON, share-link payloads, and the figures the default
// scenario shows.

/** localStorage keys of the app. */
export const KEYS = {
  scenario: (id) => `funnel-calculator.scenario.${id}`,
  unreadable: (id) => `funnel-calculator.unreadable.${id}`,
  current: 'funnel-calculator.current',
  lang: 'funnel-calculator.lang',
};

/** The default draft (seed 003 with a 2 % visit CVR on top) as the stored JSON's `draft`. */
export function defaultDraft(overrides = {}) {
  return {
    target: '1億',
    deal_size: '500万',
    stages: [
      { id: 0, kind: 'visits', rate: '2' },
      { id: 1, kind: 'leads', rate: '10' },
      { id: 2, kind: 'mql', rate: '30' },
      { id: 3, kind: 'sql', rate: '40' },
      { id: 4, kind: 'opportunities', rate: '25' },
      { id: 5, kind: 'won', rate: '100' },
    ],
    entry_stage: 1,
    entry_count: '',
    seek: { rate: 4 },
    ...overrides,
  };
}

/** A stored/exported scenario JSON text (version 2, pretty like the app writes it). */
export function scenarioJson(name, draftOverrides = {}, { version = 2 } = {}) {
  return JSON.stringify(
    { format: 'funnel-calculator-scenario', version, name, draft: defaultDraft(draftOverrides) },
    null,
    2,
  );
}

/** The required counts of the default scenario, top to bottom, as shown. */
export const DEFAULT_COUNTS = ['333,334', '6,667', '667', '200', '80', '20'];
export const DEFAULT_REQUIRED_JA = {
  訪問: '333,334',
  リード: '6,667',
  MQL: '667',
  SQL: '200',
  商談: '80',
  受注: '20',
};

const KIND_CODES = ['visits', 'leads', 'mql', 'sal', 'sql', 'pql', 'opportunities', 'won', 'custom'];

/** FNV-1a (32 bit) over the version marker's digits and the JSON bytes, as share.rs checks it. */
function linkCheck(version, bytes) {
  let h = 0x811c9dc5;
  for (const b of [...Buffer.from(String(version)), ...bytes]) {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A share-link payload (the part after `#s=`) built in node exactly as share.rs does: the
 * version marker, a dot, URL-safe base64 (no padding) of the compact JSON array plus a 4-byte
 * big-endian FNV-1a check. Version 3 (today's) ends with the plan and the KPI tree, `null` for
 * the defaults; version 2 links (without them) are still read; other versions are foreign.
 */
export function encodeLink(name, draftOverrides = {}, { version = 3 } = {}) {
  const d = defaultDraft(draftOverrides);
  const seek = d.seek === 'deal_size' ? -1 : d.seek === 'entry_count' ? -2 : d.seek.rate;
  const array = [
    name,
    d.target,
    d.deal_size,
    d.stages.map((s) => [s.id, KIND_CODES.indexOf(s.kind), s.rate, s.name ?? null]),
    d.entry_stage,
    d.entry_count,
    seek,
  ];
  if (version >= 3) array.push(d.plan ?? null, d.kpi ?? null);
  return sealLink(array, version);
}

/** A payload for any JSON `value` with a valid check: the link format's envelope, not its rules. */
export function sealLink(value, version = 3) {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(linkCheck(version, json));
  return `${version}.${Buffer.concat([json, sum]).toString('base64url')}`;
}

/** The JSON value a payload carries (its check not verified). */
export function openLink(payload) {
  const bytes = Buffer.from(payload.slice(payload.indexOf('.') + 1), 'base64url');
  return JSON.parse(bytes.subarray(0, bytes.length - 4).toString('utf8'));
}
