/**
 * The visited set: which states have been seen, and how each was first reached.
 *
 * Entries are dense and numbered in insertion order (entry 0 is the first initial state). For each
 * entry we keep only the parent entry, the choice index of the action that reached it (for an
 * initial state: its index in `initialStates()`), and its depth — never the state itself. A
 * counterexample is rebuilt by walking parents and *replaying* the choice indices from the initial
 * state (`next` is deterministic), which is what keeps a stored state at ~30–50 bytes.
 *
 * `FingerprintVisitedSet` stores the two 32-bit fingerprint lanes in typed arrays and looks them up
 * through an open-addressing (linear probing) table of entry numbers that doubles at 0.65 load.
 * `ExactVisitedSet` keys a Map by the canonical string for `--exact` mode; same interface.
 */
import { ExactKeySink, FingerprintSink, formatFingerprint, type Fingerprint, type StateKey } from './fingerprint.ts';
import type { EncodeSink } from './model.ts';

/** Parent of an initial state. */
export const NO_PARENT = 0xffffffff;
/** Largest choice index an entry can record (choices are stored as Uint16). */
export const MAX_CHOICE = 0xffff;

export type Encoder<S> = (state: S, sink: EncodeSink) => void;

/** Where a stored entry came from: initial-state index plus the choice indices from there. */
export interface StoredPath {
  readonly init: number;
  readonly choices: readonly number[];
}

export interface VisitedSet<S> {
  readonly storage: 'fingerprint' | 'exact';
  /** Number of distinct states stored. */
  readonly size: number;
  /** Adds `state` if absent: returns its new entry (≥ 0), or `~entry` (< 0) of the existing one. */
  add(state: S, parent: number, choice: number, depth: number): number;
  parentOf(entry: number): number;
  choiceOf(entry: number): number;
  depthOf(entry: number): number;
  /** Records a shorter way to reach an existing entry (used by depth-bounded DFS). */
  relink(entry: number, parent: number, choice: number, depth: number): void;
  /** The path (initial index + choices) that reaches `entry` through its recorded parents. */
  pathOf(entry: number): StoredPath;
  /** The identity of an entry, as a branded key (allocates). */
  keyOf(entry: number): Fingerprint | StateKey;
  /** Bytes held by the set's own structures (typed arrays; an estimate for the exact Map). */
  bytesUsed(): number;
}

abstract class EntryTable {
  protected capacity = 1024;
  protected count = 0;
  protected parents = new Uint32Array(this.capacity);
  protected choices = new Uint16Array(this.capacity);
  protected depths = new Uint32Array(this.capacity);

  get size(): number {
    return this.count;
  }
  parentOf(entry: number): number {
    return this.parents[entry]!;
  }
  choiceOf(entry: number): number {
    return this.choices[entry]!;
  }
  depthOf(entry: number): number {
    return this.depths[entry]!;
  }
  relink(entry: number, parent: number, choice: number, depth: number): void {
    this.parents[entry] = parent;
    this.choices[entry] = choice;
    this.depths[entry] = depth;
  }
  pathOf(entry: number): StoredPath {
    const choices: number[] = [];
    let at = entry;
    while (this.parents[at] !== NO_PARENT) {
      choices.push(this.choices[at]!);
      at = this.parents[at]!;
    }
    return { init: this.choices[at]!, choices: choices.reverse() };
  }

  /** Appends an entry's bookkeeping, growing the dense arrays by doubling. */
  protected append(parent: number, choice: number, depth: number): number {
    if (this.count === this.capacity) this.growEntries(this.capacity * 2);
    const entry = this.count++;
    this.parents[entry] = parent;
    this.choices[entry] = choice;
    this.depths[entry] = depth;
    return entry;
  }

  protected growEntries(capacity: number): void {
    this.parents = grow(this.parents, capacity);
    this.choices = grow(this.choices, capacity);
    this.depths = grow(this.depths, capacity);
    this.capacity = capacity;
  }

  protected entryBytes(): number {
    return this.parents.byteLength + this.choices.byteLength + this.depths.byteLength;
  }
}

function grow<T extends Uint32Array | Uint16Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export class FingerprintVisitedSet<S> extends EntryTable implements VisitedSet<S> {
  readonly storage = 'fingerprint' as const;
  private readonly sink = new FingerprintSink();
  private lanesA = new Uint32Array(this.capacity);
  private lanesB = new Uint32Array(this.capacity);
  /** Open-addressing table of entry + 1 (0 = empty slot). */
  private slots = new Uint32Array(2048);
  private slotMask = 2047;
  private growAt = Math.floor(2048 * 0.65);

  constructor(private readonly encode: Encoder<S>) {
    super();
  }

  add(state: S, parent: number, choice: number, depth: number): number {
    const sink = this.sink;
    sink.reset();
    this.encode(state, sink);
    const a = sink.laneA();
    const b = sink.laneB();
    const slots = this.slots;
    const mask = this.slotMask;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const stored = slots[slot]!;
      if (stored === 0) break;
      const entry = stored - 1;
      if (this.lanesA[entry] === a && this.lanesB[entry] === b) return ~entry;
      slot = (slot + 1) & mask;
    }
    const entry = this.append(parent, choice, depth);
    this.lanesA[entry] = a;
    this.lanesB[entry] = b;
    slots[slot] = entry + 1;
    if (this.count > this.growAt) this.rehash();
    return entry;
  }

  keyOf(entry: number): Fingerprint {
    return formatFingerprint(this.lanesA[entry]!, this.lanesB[entry]!);
  }

  bytesUsed(): number {
    return this.entryBytes() + this.lanesA.byteLength + this.lanesB.byteLength + this.slots.byteLength;
  }

  protected override growEntries(capacity: number): void {
    super.growEntries(capacity);
    this.lanesA = grow(this.lanesA, capacity);
    this.lanesB = grow(this.lanesB, capacity);
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Uint32Array(size);
    const mask = size - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = (this.lanesA[entry]! ^ Math.imul(this.lanesB[entry]!, 0x9e3779b1)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
    this.slotMask = mask;
    this.growAt = Math.floor(size * 0.65);
  }
}

export class ExactVisitedSet<S> extends EntryTable implements VisitedSet<S> {
  readonly storage = 'exact' as const;
  private readonly sink = new ExactKeySink();
  private readonly index = new Map<string, number>();
  private readonly keys: StateKey[] = [];
  private keyChars = 0;

  constructor(private readonly encode: Encoder<S>) {
    super();
  }

  add(state: S, parent: number, choice: number, depth: number): number {
    this.sink.reset();
    this.encode(state, this.sink);
    const key = this.sink.key();
    const existing = this.index.get(key);
    if (existing !== undefined) return ~existing;
    const entry = this.append(parent, choice, depth);
    this.index.set(key, entry);
    this.keys.push(key);
    this.keyChars += key.length;
    return entry;
  }

  keyOf(entry: number): StateKey {
    return this.keys[entry]!;
  }

  /** Typed arrays exactly; the Map and the flattened key strings estimated (≈ 2 bytes/char + 64). */
  bytesUsed(): number {
    return this.entryBytes() + this.keyChars * 2 + this.count * 64;
  }
}

export function createVisitedSet<S>(storage: 'fingerprint' | 'exact', encode: Encoder<S>): VisitedSet<S> {
  return storage === 'exact' ? new ExactVisitedSet(encode) : new FingerprintVisitedSet(encode);
}
