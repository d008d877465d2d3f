import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { collisionProbability, ExactKeySink, FingerprintSink, fingerprintOf, formatFingerprint, stateKeyOf } from '../../src/checker/fingerprint.ts';
import type { EncodeSink } from '../../src/checker/model.ts';

type Item = { int: number } | { str: string };
const items = fc.array(fc.oneof(fc.record({ int: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(2 ** 31, 2 ** 40, -(2 ** 53))) }), fc.record({ str: fc.string({ unit: 'binary' }) })), { maxLength: 8 });
const encoder = { encode: (sequence: Item[], sink: EncodeSink) => sequence.forEach((item) => ('int' in item ? sink.int(item.int) : sink.str(item.str))) };
const normalise = (sequence: Item[]) => JSON.stringify(sequence.map((item) => ('int' in item ? { int: item.int === 0 ? 0 : item.int } : item)));

describe('state identity', () => {
  test.prop([items])('the same encoding always gives the same fingerprint and key', (sequence) => {
    expect(fingerprintOf(encoder, sequence)).toBe(fingerprintOf(encoder, structuredClone(sequence)));
    expect(stateKeyOf(encoder, sequence)).toBe(stateKeyOf(encoder, structuredClone(sequence)));
  });
  test.prop([items, items])('different encodings give different keys and (almost surely) fingerprints', (x, y) => {
    fc.pre(normalise(x) !== normalise(y));
    expect(stateKeyOf(encoder, x)).not.toBe(stateKeyOf(encoder, y));
    expect(fingerprintOf(encoder, x)).not.toBe(fingerprintOf(encoder, y));
  });
  it('distinguishes ints from strings, order, and splits between strings', () => {
    const keys = [[{ int: 1 }, { int: 2 }], [{ int: 2 }, { int: 1 }], [{ str: '\u0001' }], [{ str: 'ab' }, { str: 'c' }], [{ str: 'a' }, { str: 'bc' }], [{ int: 0.5 }], [{ int: 2 ** 32 }], [{ int: 0 }], []] as Item[][];
    expect(new Set(keys.map((k) => fingerprintOf(encoder, k))).size).toBe(keys.length);
    expect(new Set(keys.map((k) => stateKeyOf(encoder, k))).size).toBe(keys.length);
  });
  it('has well-mixed, independent lanes (no lane-wise collisions over 200 000 small states)', () => {
    const sink = new FingerprintSink();
    const seenA = new Set<number>();
    const seenB = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      sink.reset();
      sink.int(i % 500);
      sink.int(Math.floor(i / 500));
      seenA.add(sink.laneA());
      seenB.add(sink.laneB());
    }
    // 32-bit lanes: expected birthday collisions ≈ n²/2³³ ≈ 4.7 per lane.
    expect(seenA.size).toBeGreaterThan(200_000 - 30);
    expect(seenB.size).toBeGreaterThan(200_000 - 30);
  });
  it('formats fingerprints as 16 hex digits and exact keys canonically', () => {
    expect(formatFingerprint(0x1a, 0xffffffff)).toBe('0000001affffffff');
    const sink = new ExactKeySink();
    sink.int(-0);
    sink.str('x,');
    expect(sink.key()).toBe('i0,s2:x,');
  });
  it("estimates TLC's collision probability", () => {
    expect(collisionProbability(2 ** 20, 2 ** 20 + 2 ** 12)).toBe(2 ** -32);
    expect(collisionProbability(10, 5)).toBe(0);
  });
});
