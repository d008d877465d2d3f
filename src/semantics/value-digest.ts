/**
 * Content digests of record values, computed once when a record is built.
 *
 * A state is re-encoded for every generated successor, and most of its records (responses already
 * sent, stored rows, write payloads) are shared, unchanged, between a state and its successors.
 * Re-hashing their field names and values word by word was most of the encoding cost; instead each
 * record carries a 64-bit digest of its content (two 32-bit lanes, murmur3-style mixing with the
 * same structure as `encode.ts`: equal records have equal digests), and the fingerprint encoding
 * writes those two words. Exact-key sinks still get the full structure (see `encodeValue`), so
 * `--exact` stays collision-free; in fingerprint mode a digest collision between two distinct
 * records (~k²/2^64 for k distinct records) adds to the 64-bit fingerprint's own collision risk.
 */
import type { Value } from './values.ts';

let laneA = 0;
let laneB = 0;

function mix(k: number): void {
  let x = Math.imul(k | 0, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  laneA ^= x;
  laneA = (laneA << 13) | (laneA >>> 19);
  laneA = (Math.imul(laneA, 5) + 0xe6546b64) | 0;
  let y = Math.imul((k | 0) ^ 0x5bd1e995, 0x85ebca6b);
  y = (y << 17) | (y >>> 15);
  laneB = (Math.imul(laneB ^ y, 0x27d4eb2f) + 0x165667b1) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function mixString(s: string): void {
  mix(s.length);
  for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
}

function mixValue(v: Value): void {
  if (v === null) return mix(1);
  switch (typeof v) {
    case 'boolean':
      return mix(v ? 3 : 2);
    case 'number':
      mix(5);
      return mixString(String(v));
    case 'string':
      mix(6);
      return mixString(v);
  }
  if (v.$ === 'H') {
    mix(7);
    return mixValue(v.of);
  }
  mix(8);
  mix(v.da);
  mix(v.db);
}

/** The two digest lanes of a record's (sorted) fields. */
export function digestFields(fields: readonly (readonly [string, Value])[]): readonly [number, number] {
  const savedA = laneA;
  const savedB = laneB;
  laneA = 0x9747b28c;
  laneB = 0x2545f491;
  mix(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    mixString(f[0]);
    mixValue(f[1]);
  }
  const out = [fmix(laneA ^ fields.length), fmix(laneB ^ 0x7f4a7c15)] as const;
  laneA = savedA;
  laneB = savedB;
  return out;
}
