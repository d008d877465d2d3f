/** Exit codes, as TLC/Apalache users expect them (see shared conventions). */
export const EXIT = {
  ok: 0,
  badInput: 2,
  deadlock: 11,
  safetyViolation: 12,
  livenessViolation: 13,
  internalError: 255,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
