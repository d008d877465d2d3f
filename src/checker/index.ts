/**
 * The checker's public surface, in one import for the CLI and other tools. Everything here works on
 * the `Model` interface only and knows nothing about serverless semantics.
 */
export type { EncodeSink, Model, Property, PropertyKind } from './model.ts';
export { check, explore } from './explore.ts';
export { resolveOptions, formatSeed, type CheckOptions, type ResolvedOptions, type OptionError, type Progress, type SearchMode, type Storage, type StopAt } from './options.ts';
export type { CheckResult, ExhaustiveResult, RandomResult, PropertyVerdict, VerdictStatus, Coverage, RandomCoverage, StopReason, CheckerError } from './result.ts';
export { anyViolation } from './result.ts';
export { replay, formatPath, parsePath, pathOfTrace, compareTraces, type Trace, type TraceStep, type TracePath, type ReplayResult, type ReplayDivergence } from './trace.ts';
export { runRandom } from './random.ts';
export { enumerateCounterexamples, type CounterexampleOptions, type CounterexampleReport, type PropertyCounterexamples, type ShapeGroup } from './counterexamples.ts';
export { buildStateGraph, quotientGraph, type StateGraph, type GraphNode, type GraphEdge, type GraphResult, type GraphOptions, type QuotientGraph } from './graph.ts';
export { toItf, toItfValue, parseItf, itfToJSON, fromItfValue, type ItfTrace, type ItfValue, type ItfError } from './itf.ts';
export { fingerprintOf, stateKeyOf, collisionProbability, type Fingerprint, type StateKey } from './fingerprint.ts';
export { createVisitedSet, type VisitedSet } from './visited-set.ts';
