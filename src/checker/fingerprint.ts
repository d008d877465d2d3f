/**
 * State identity: the one module that turns a model's canonical encoding into a key.
 *
 * Two sinks implement `EncodeSink`:
 * - `FingerprintSink` folds the encoding into a 64-bit fingerprint held as two independent 32-bit
 *   lanes (a murmur3-style lane and an xxhash32-style lane, different constants and seeds). It is the
 *   hot path of the explorer: no allocation per state, ints mixed as one or two words, strings mixed
 *   two UTF-16 units per word plus a tag and the length so `str("ab")` never equals `int(…)` runs.
 * - `ExactKeySink` builds a canonical string key for `--exact` mode (no collisions, more memory).
 *
 * `Fingerprint` and `StateKey` are branded strings for the places where keys leave the hot path
 * (graph ids, law tests); inside the visited set the raw lanes are used and never allocated.
 */
import type { EncodeSink, Model } from './model.ts';

declare const fingerprintBrand: unique symbol;
declare const stateKeyBrand: unique symbol;
/** A 64-bit fingerprint printed as 16 hex digits. Collisions are possible (see TLC's estimate). */
export type Fingerprint = string & { readonly [fingerprintBrand]: true };
/** An exact canonical key of a state (the full encoding). Never collides. */
export type StateKey = string & { readonly [stateKeyBrand]: true };

const SEED_A = 0x9747b28c;
const SEED_B = 0x2f1e6a53;
const STR_TAG = 0x5f535452; // mixed before every string
const FLOAT_TAG = 0x464c5420; // mixed before every non-int32 number

const float64 = new Float64Array(1);
const float64Words = new Uint32Array(float64.buffer);

/** Folds an encoding into two 32-bit lanes; call `reset()` before each state. */
export class FingerprintSink implements EncodeSink {
  private a = SEED_A | 0;
  private b = SEED_B | 0;
  private words = 0;

  reset(): void {
    this.a = SEED_A | 0;
    this.b = SEED_B | 0;
    this.words = 0;
  }

  private word(k: number): void {
    // Lane A: murmur3_32 block step.
    let ka = Math.imul(k, 0xcc9e2d51);
    ka = (ka << 15) | (ka >>> 17);
    ka = Math.imul(ka, 0x1b873593);
    let a = this.a ^ ka;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    // Lane B: xxhash32-style round with different primes.
    let b = (this.b + Math.imul(k, 0x85ebca77)) | 0;
    b = (b << 13) | (b >>> 19);
    this.b = Math.imul(b, 0x9e3779b1);
    this.words++;
  }

  int(n: number): void {
    if ((n | 0) === n) {
      this.word(n);
      return;
    }
    float64[0] = n;
    this.word(FLOAT_TAG);
    this.word(float64Words[0]!);
    this.word(float64Words[1]!);
  }

  str(s: string): void {
    const length = s.length;
    this.word(STR_TAG);
    this.word(length);
    let i = 0;
    for (; i + 1 < length; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < length) this.word(s.charCodeAt(i));
  }

  /** Finalised lane A (murmur3 fmix32 with the word count). */
  laneA(): number {
    let h = this.a ^ this.words;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }

  /** Finalised lane B (xxhash32 avalanche with the word count). */
  laneB(): number {
    let h = (this.b + Math.imul(this.words, 0x27d4eb2f)) | 0;
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae3d);
    h ^= h >>> 16;
    return h >>> 0;
  }
}

/** Builds the exact canonical key: `i<n>,` for ints and `s<len>:<chars>` for strings. */
export class ExactKeySink implements EncodeSink {
  readonly exact = true;
  private parts = '';
  reset(): void {
    this.parts = '';
  }
  int(n: number): void {
    this.parts += `i${String(n)},`; // String(-0) === '0', as in the fingerprint
  }
  str(s: string): void {
    this.parts += `s${s.length}:${s}`;
  }
  key(): StateKey {
    return this.parts as StateKey;
  }
}

/** Formats two lanes as a branded 16-hex-digit fingerprint. */
export function formatFingerprint(laneA: number, laneB: number): Fingerprint {
  return ((laneA >>> 0).toString(16).padStart(8, '0') + (laneB >>> 0).toString(16).padStart(8, '0')) as Fingerprint;
}

const sharedFingerprintSink = new FingerprintSink();
const sharedExactSink = new ExactKeySink();

/** The fingerprint of one state (allocates the string; not for the hot path). */
export function fingerprintOf<S>(model: Pick<Model<S, unknown>, 'encode'>, state: S): Fingerprint {
  sharedFingerprintSink.reset();
  model.encode(state, sharedFingerprintSink);
  return formatFingerprint(sharedFingerprintSink.laneA(), sharedFingerprintSink.laneB());
}

/** The exact key of one state. */
export function stateKeyOf<S>(model: Pick<Model<S, unknown>, 'encode'>, state: S): StateKey {
  sharedExactSink.reset();
  model.encode(state, sharedExactSink);
  return sharedExactSink.key();
}

/**
 * TLC's estimate of the probability that at least one fingerprint collision hid a state:
 * n·(m−n)/2^64 with n distinct states and m states generated.
 */
export function collisionProbability(distinct: number, generated: number): number {
  return (distinct * Math.max(0, generated - distinct)) / 2 ** 64;
}
