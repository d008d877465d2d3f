/**
 * The one interface between a transition system and every tool that explores it.
 *
 * Modelled on Stateright's `Model`: initial states, the enabled actions of a state in a documented
 * deterministic order, a pure `next`, and named properties. The explorer, the random simulator, the
 * trace replayer and the visualiser only ever see this interface, so they know nothing about
 * serverless platforms; the serverless semantics plug in through `src/semantics/model.ts`.
 *
 * State identity is owned by `encode`: the model writes a canonical sequence of integers and strings
 * for a state into a sink, and the checker turns that sequence into a 64-bit fingerprint or an exact
 * key (see `fingerprint.ts`). Two states are the same state iff they encode identically; a model must
 * never rely on object key order or identity.
 */

/** Receives the canonical encoding of a state, one primitive at a time (no allocation needed). */
export interface EncodeSink {
  int(n: number): void;
  str(s: string): void;
  /**
   * True for sinks that build exact keys (`--exact`): a model that summarises sub-values by a digest
   * in fingerprint mode must then write them out in full, so exact mode stays collision-free.
   */
  readonly exact?: boolean;
}

/** A named, documented property the checker can decide. */
export type Property<S, A> =
  /** Invariant over states: a reachable state where `holds` is false is a counterexample. */
  | { readonly kind: 'always'; readonly name: string; readonly claim?: string; readonly description: string; holds(state: S): boolean }
  /**
   * Invariant over transitions (TLA+'s [][P]_vars): every explored step (s, a, t) must satisfy
   * `holds`; a step that does not is a counterexample ending in t.
   */
  | { readonly kind: 'always-step'; readonly name: string; readonly claim?: string; readonly description: string; holds(from: S, action: A, to: S): boolean }
  /** Reachability witness: the property is *satisfied* when some reachable state has `holds` true. */
  | { readonly kind: 'sometimes'; readonly name: string; readonly claim?: string; readonly description: string; holds(state: S): boolean }
  /**
   * Eventually, checked at quiescence: `holds` must be true in every reachable terminal state (a state
   * with no enabled action). This is weaker than LTL `<>P`: it says nothing about infinite runs that
   * never reach a terminal state (cycles); explorers report how many cycles-back edges they saw.
   */
  | { readonly kind: 'eventually'; readonly name: string; readonly claim?: string; readonly description: string; holds(state: S): boolean };

export type PropertyKind = Property<unknown, unknown>['kind'];

export interface Model<S, A> {
  /** Human-readable name, e.g. `paper/running-example @ reuse (repaired)`. */
  readonly name: string;
  /** Initial states, in a deterministic order. */
  initialStates(): readonly S[];
  /**
   * Actions enabled in `state`, in a deterministic, documented order. The position of an action in
   * this list is its *choice index*: a trace path is a list of choice indices.
   */
  actions(state: S): readonly A[];
  /** The unique successor of `state` under an enabled `action`. Pure: must not mutate `state`. */
  next(state: S, action: A): S;
  /** Canonical encoding of a state (see header). */
  encode(state: S, sink: EncodeSink): void;
  /** Named properties; names are unique within a model. */
  readonly properties: readonly Property<S, A>[];
  /** Short label for an action, e.g. `fig4/end-async W#1 fulfil`. */
  formatAction(action: A): string;
  /** The rule id an action instantiates, e.g. `fig4/end-async` (used for trace shapes and graph edges). */
  ruleOf(action: A): string;
  /**
   * A compact, human-readable one-line summary of a state (used as graph node labels and in tables).
   */
  formatState(state: S): string;
  /** A JSON-able view of a state (used by JSON/ITF trace output). Must be deterministic. */
  toJSON(state: S): Record<string, unknown>;
  /**
   * Optional: a canonical *shape* of an action for counterexample deduplication: two counterexamples
   * whose actions have the same sequence of shapes are "the same way to break". Return '' for actions
   * that do not matter to how the model breaks (they are left out of the shape). Defaults to `ruleOf`.
   */
  shapeOf?(action: A): string;
}
