/**
 * The platform's rules: Start Event, End Event (four forms), Respond and Invalidate Env.
 *
 * Premises live in `enabled.ts` next to each other so the differences between the semantics are
 * visible in one place; these reducers apply the conclusions. Premises that differ between literal
 * and repaired rules are marked there with the digest's gap number.
 */
import { MAX_RESPONSES_KEPT, type EventLog } from '../state.ts';
import type { Value } from '../values.ts';
import type { Draft_, RuleContext } from './context.ts';
import { newFrame } from './local.ts';

/** fig4/start-event and fig7/start-event: on receive(v) when E = f — input := v, E := fresh event id. */
export function startEvent(d: Draft_, ctx: RuleContext): void {
  const input = ctx.inputs[d.nextInput]!;
  const event = d.log.length + 1;
  d.env = event;
  d.frame = newFrame(event, input, ctx);
  d.log.push({ input, responses: [], ended: false });
  d.nextInput += 1;
}

/** Appends a response to the event's log (keeping at most MAX_RESPONSES_KEPT). */
function send(d: Draft_, event: number, v: Value): void {
  const entry = d.log[event - 1]!;
  const responses = entry.responses.length < MAX_RESPONSES_KEPT ? [...entry.responses, v] : entry.responses;
  d.log[event - 1] = { input: entry.input, responses, ended: entry.ended };
}

function markEnded(d: Draft_, event: number): void {
  const entry = d.log[event - 1]!;
  d.log[event - 1] = { input: entry.input, responses: entry.responses, ended: true };
}

/**
 * fig4/end-event (E := d), fig5/end-event and fig6/end-event (E := f): when M(response) = v, send
 * respond(v) and end the event — the response *is* the termination.
 */
export function endEventWithResponse(d: Draft_, ctx: RuleContext): void {
  const f = d.frame!;
  send(d, f.event, f.response as Value);
  markEnded(d, f.event);
  d.env = ctx.semantics.afterEnd;
  d.frame = null;
}

/** fig7/respond: send respond(v); E and Pr unchanged. */
export function respond(d: Draft_): void {
  const f = d.frame!;
  send(d, f.event, f.response as Value);
  f.responded = Math.min(MAX_RESPONSES_KEPT, f.responded + 1);
}

/** fig7/end-event: on end() (when Pr = ∅), E := f. */
export function endEventOnEnd(d: Draft_): void {
  markEnded(d, d.frame!.event);
  d.env = 'f';
  d.frame = null;
}

/** fig5/invalidate-env: an unprompted step from E = f to E = d (scale-down). */
export function invalidateEnv(d: Draft_): void {
  d.env = 'd';
}

