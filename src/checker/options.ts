/**
 * Checker options, resolved once (fast-check's `QualifiedParameters`, XState's
 * `resolveTraversalOptions`): partial options from the CLI or API become one fully resolved,
 * immutable config with every limit explicit, so the explorers never deal with `undefined`.
 * Invalid options are returned as values (code, message, hint), never thrown.
 *
 * Error codes (AFL21x) belong to the checker: AFL211 bad number, AFL212 bad enum value,
 * AFL213 unknown property, AFL214 bad seed, AFL215 random mode needs a finite depth.
 */
import type { Model, PropertyKind } from './model.ts';

export type SearchMode = 'bfs' | 'dfs' | 'random';
export type Storage = 'fingerprint' | 'exact';
/** When to stop: at the first violation, once every property is decided, or only when exhausted. */
export type StopAt = 'first-violation' | 'all-decided' | 'exhausted';

export interface Progress {
  readonly generated: number;
  readonly distinct: number;
  readonly frontier: number;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  /** Random mode: schedules run so far in this round, and the round's total (fast-check numRuns). */
  readonly runs?: number;
  readonly totalRuns?: number;
}

export interface CheckOptions {
  mode?: SearchMode;
  /** Deepest depth (number of steps from an initial state) that is expanded. Default: unbounded (random: 100). */
  maxDepth?: number;
  /** Stop after this many distinct states (random: steps). Default: unbounded. */
  maxStates?: number;
  timeoutMs?: number;
  /** Names of the properties to check. Default: all the model's properties. */
  properties?: readonly string[];
  storage?: Storage;
  stopAt?: StopAt;
  /** Seed of random mode: a uint32, or a string such as `0x1a2b`. Default: drawn at random. */
  seed?: number | string;
  /** Number of random runs. Default 1000. */
  runs?: number;
  onProgress?: (progress: Progress) => void;
  /** Report progress every this many generated states. Default 100 000. */
  progressEvery?: number;
  signal?: AbortSignal;
}

export interface ResolvedOptions {
  readonly mode: SearchMode;
  readonly maxDepth: number;
  readonly maxStates: number;
  readonly timeoutMs: number;
  readonly properties: readonly string[];
  readonly storage: Storage;
  readonly stopAt: StopAt;
  readonly seed: number;
  readonly runs: number;
  readonly onProgress: ((progress: Progress) => void) | undefined;
  readonly progressEvery: number;
  readonly signal: AbortSignal | undefined;
}

export interface OptionError {
  readonly code: string;
  readonly option: keyof CheckOptions;
  readonly message: string;
  readonly hint: string;
}

export type Resolution = { readonly ok: true; readonly options: ResolvedOptions } | { readonly ok: false; readonly errors: readonly OptionError[] };

const MODES: readonly SearchMode[] = ['bfs', 'dfs', 'random'];
const STORAGES: readonly Storage[] = ['fingerprint', 'exact'];
const STOPS: readonly StopAt[] = ['first-violation', 'all-decided', 'exhausted'];

/** Formats a seed as Quint/fast-check users paste it back: `0x1a2b`. */
export function formatSeed(seed: number): string {
  return `0x${(seed >>> 0).toString(16)}`;
}

export function resolveOptions(model: Pick<Model<unknown, unknown>, 'properties'>, partial: CheckOptions = {}): Resolution {
  const errors: OptionError[] = [];
  const choose = <T extends string>(option: keyof CheckOptions, value: T | undefined, allowed: readonly T[], fallback: T): T => {
    if (value === undefined) return fallback;
    if (allowed.includes(value)) return value;
    errors.push({ code: 'AFL212', option, message: `invalid ${option} '${String(value)}'`, hint: `use one of: ${allowed.join(', ')}` });
    return fallback;
  };
  const count = (option: keyof CheckOptions, value: number | undefined, fallback: number, min: number, infiniteOk: boolean): number => {
    if (value === undefined) return fallback;
    const valid = (infiniteOk && value === Infinity) || (Number.isSafeInteger(value) && value >= min);
    if (valid) return value;
    errors.push({
      code: 'AFL211',
      option,
      message: `invalid ${option} ${String(value)}`,
      hint: `${option} must be an integer ≥ ${min}${infiniteOk ? ' (or Infinity for no bound)' : ''}`,
    });
    return fallback;
  };

  const mode = choose('mode', partial.mode, MODES, 'bfs');
  const random = mode === 'random';
  const maxDepth = count('maxDepth', partial.maxDepth, random ? 100 : Infinity, 0, true);
  if (random && maxDepth === Infinity) {
    errors.push({ code: 'AFL215', option: 'maxDepth', message: 'random mode needs a finite maxDepth', hint: 'pass a depth such as --max-depth 100' });
  }
  const names = model.properties.map((property) => property.name);
  const properties = partial.properties ?? names;
  for (const name of properties) {
    if (!names.includes(name)) {
      errors.push({ code: 'AFL213', option: 'properties', message: `unknown property '${name}'`, hint: `the model defines: ${names.join(', ') || '(none)'}` });
    }
  }
  const seed = resolveSeed(partial.seed, errors);
  const options: ResolvedOptions = {
    mode,
    maxDepth,
    maxStates: count('maxStates', partial.maxStates, Infinity, 1, true),
    timeoutMs: count('timeoutMs', partial.timeoutMs, Infinity, 1, true),
    properties: names.filter((name) => properties.includes(name)),
    storage: choose('storage', partial.storage, STORAGES, 'fingerprint'),
    stopAt: choose('stopAt', partial.stopAt, STOPS, 'first-violation'),
    seed,
    runs: count('runs', partial.runs, 1000, 1, false),
    onProgress: partial.onProgress,
    progressEvery: count('progressEvery', partial.progressEvery, 100_000, 1, false),
    signal: partial.signal,
  };
  return errors.length === 0 ? { ok: true, options } : { ok: false, errors };
}

function resolveSeed(seed: number | string | undefined, errors: OptionError[]): number {
  if (seed === undefined) return (Math.random() * 2 ** 32) >>> 0;
  const value = typeof seed === 'string' ? Number(seed.trim()) : seed;
  if (Number.isSafeInteger(value) && value >= -(2 ** 31) && value < 2 ** 32) return value >>> 0;
  errors.push({ code: 'AFL214', option: 'seed', message: `invalid seed ${String(seed)}`, hint: 'a seed is a 32-bit integer, e.g. --seed 0x1a2b or --seed 42' });
  return 0;
}

/** The selected properties of a model, in model order, with their kind. */
export function selectedProperties<S, A>(model: Model<S, A>, options: ResolvedOptions): Model<S, A>['properties'] {
  return model.properties.filter((property) => options.properties.includes(property.name));
}

export type { PropertyKind };
