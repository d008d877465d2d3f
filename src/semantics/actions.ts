/**
 * Rule instances ("actions"): which rule fires, and on what.
 *
 * Platform rules have no arguments (one environment, one frame); a Local Transition names the `main`
 * command it runs; an End Asynchronous Task names the promise by (creating event, chain) and the
 * outcome. Argument-free actions are shared constants so listing enabled actions allocates little.
 */
import type { EndEventRule, StartEventRule } from './rules/ids.ts';

export type Action =
  | { readonly rule: StartEventRule }
  | { readonly rule: EndEventRule }
  | { readonly rule: 'fig7/respond' }
  | { readonly rule: 'fig5/invalidate-env' }
  /** Runs main[pc]; `fig4/start-async` when that command starts a chain. */
  | { readonly rule: 'fig4/local' | 'fig4/start-async'; readonly pc: number }
  | { readonly rule: 'fig4/end-async'; readonly event: number; readonly chain: number; readonly outcome: 'fulfil' | 'reject' };

export type EndAsyncAction = Extract<Action, { rule: 'fig4/end-async' }>;
