/**
 * What a check returns: values, never exceptions (fast-check's `check()`, Quint's `Either`).
 *
 * One verdict per selected property, named so that a bounded or sampled answer can never be read as
 * a proof: `holds` only after an exhaustive search, `holds-within-bounds` when something (depth,
 * state or time limit, an early stop) cut it short, `not-violated-in-samples` for random runs. The
 * coverage block carries TLC's end-of-run numbers so a reader can judge what was checked.
 */
import type { PropertyKind } from './model.ts';
import type { SearchMode, Storage } from './options.ts';
import type { Trace } from './trace.ts';

export type StopReason = 'exhausted' | 'max-states' | 'max-depth' | 'timeout' | 'interrupted' | 'first-violation' | 'all-decided' | 'model-error';

export type VerdictStatus =
  | 'holds'
  | 'holds-within-bounds'
  | 'not-violated-in-samples'
  | 'violated'
  | 'witnessed'
  | 'no-witness'
  | 'no-witness-within-bounds'
  | 'no-witness-in-samples';

/** The statuses that carry no trace. */
export type UndecidedStatus = 'holds' | 'holds-within-bounds' | 'not-violated-in-samples' | 'no-witness' | 'no-witness-within-bounds' | 'no-witness-in-samples';

export type PropertyVerdict<A> =
  | {
      readonly property: string;
      readonly kind: PropertyKind;
      readonly status: UndecidedStatus;
      /** For `eventually`: what was (not) established, e.g. whether cycles were seen. */
      readonly note?: string;
    }
  | { readonly property: string; readonly kind: PropertyKind; readonly status: 'violated' | 'witnessed'; readonly trace: Trace<A>; readonly note?: string };

export interface Coverage {
  readonly storage: Storage;
  /** Initial states plus every successor computed (TLC's "states generated"). */
  readonly generated: number;
  readonly distinct: number;
  /** Successors computed (generated minus initial states). */
  readonly transitions: number;
  readonly maxDepthReached: number;
  /** Reachable states with no enabled action. */
  readonly terminalStates: number;
  /** Non-terminal states left unexpanded because they sit at the depth bound. */
  readonly frontierCut: number;
  /**
   * Transitions into an already-stored state no deeper than their source. Every cycle contains one,
   * so 0 proves the explored graph acyclic; a positive count may include non-cycle cross edges.
   */
  readonly nonForwardEdges: number;
  readonly elapsedMs: number;
  /** True iff the whole reachable space was explored (no bound or early stop cut it). */
  readonly exhausted: boolean;
  readonly stoppedBy: StopReason;
  /** Fingerprint mode only: TLC's estimate n·(m−n)/2^64 that a collision hid a state. */
  readonly collisionProbability: number | undefined;
  /** Bytes held by the visited set at the end. */
  readonly visitedBytes: number;
}

export interface CheckerError {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export interface ExhaustiveResult<A> {
  readonly mode: 'bfs' | 'dfs';
  readonly model: string;
  readonly verdicts: readonly PropertyVerdict<A>[];
  readonly coverage: Coverage;
  readonly error: CheckerError | undefined;
}

export interface RandomCoverage {
  readonly runs: number;
  readonly steps: number;
  readonly maxDepthReached: number;
  readonly terminalRuns: number;
  readonly elapsedMs: number;
  readonly stoppedBy: 'exhausted' | 'timeout' | 'interrupted' | 'first-violation' | 'all-decided';
}

export interface RandomResult<A> {
  readonly mode: 'random';
  readonly model: string;
  readonly verdicts: readonly PropertyVerdict<A>[];
  readonly coverage: RandomCoverage;
  /** The seed, printed `0x1a2b`, and what reproduces the failing run in fast-check. */
  readonly seed: number;
  readonly seedHex: string;
  /** fast-check's path of the shrunk counterexample (`fc.check(…, {seed, path})`), if a run failed. */
  readonly fastCheckPath: string | undefined;
  readonly numShrinks: number;
}

export type CheckResult<A> = ExhaustiveResult<A> | RandomResult<A>;

export function isViolated<A>(verdict: PropertyVerdict<A>): verdict is PropertyVerdict<A> & { status: 'violated'; trace: Trace<A> } {
  return verdict.status === 'violated';
}

/** Severity helpers for the CLI's exit codes: any safety or quiescence violation. */
export function anyViolation<A>(result: CheckResult<A>): boolean {
  return result.verdicts.some((verdict) => verdict.status === 'violated');
}

export function undecidedStatus(kind: PropertyKind, complete: boolean): UndecidedStatus {
  if (kind === 'sometimes') return complete ? 'no-witness' : 'no-witness-within-bounds';
  return complete ? 'holds' : 'holds-within-bounds';
}
