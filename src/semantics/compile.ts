/**
 * Validates a `ProgramSource` and resolves it to a `CompiledProgram`, before any exploration.
 *
 * Every malformed construct is reported (not just the first) as a coded `UserError` naming the model
 * and the element path (`chains.W[1].op.value`), with a hint. Codes:
 * AFL101 unknown variable · AFL102 unknown chain · AFL103 `result` where no previous step produced one ·
 * AFL104 `end()` under a semantics without it · AFL105 malformed chain · AFL106 local misuse ·
 * AFL107 chain started twice / used before started · AFL108 unknown database key ·
 * AFL109 duplicate name · AFL110 command not allowed there · AFL111 unreachable command after return.
 */
import { fail, ok, type Result, type UserError } from '../errors.ts';
import type { CChain, CExpr, CMain, COp, CStep, CSync, CompiledProgram } from './compiled.ts';
import type { AsyncOp, ChainStep, Expr, MainCommand, ProgramSource, SyncCommand } from './program.ts';

export interface CompileOptions {
  /** Whether the chosen semantics has the `end()` command (only `decoupled`). */
  readonly allowsEnd: boolean;
  /** Used in messages, e.g. `decoupled`. */
  readonly semanticsName: string;
}

interface Scope {
  /** Where `result` is available (inside a chain after its first step). */
  readonly hasResult: boolean;
  /** Locals that are definitely assigned at this point. */
  readonly assignedLocals: ReadonlySet<string>;
  readonly inChain: boolean;
}

export function compileProgram(src: ProgramSource, opts: CompileOptions): Result<CompiledProgram> {
  const errors: UserError[] = [];
  const at = (path: string) => `${src.name}: ${path}`;
  const err = (code: string, path: string, message: string, hint: string) => errors.push({ code, location: at(path), message, hint });

  const globalNames = Object.keys(src.globals ?? {});
  const localNames = [...(src.locals ?? [])];
  const dbKeys = Object.keys(src.db ?? {});
  const chainNames = Object.keys(src.chains ?? {});
  const seenLocals = new Set<string>();
  localNames.forEach((n, i) => {
    if (seenLocals.has(n)) err('AFL109', `locals[${i}]`, `local '${n}' is declared twice`, 'declare each local once');
    seenLocals.add(n);
  });
  for (const n of localNames) if (globalNames.includes(n)) err('AFL109', `locals`, `'${n}' is both a global and a local`, 'rename one of them');

  let readsScope = false;
  let usesEnd = false;
  const expr = (e: Expr, path: string, scope: Scope): CExpr => {
    switch (e.k) {
      case 'lit':
        return e;
      case 'input':
        readsScope = true;
        return e;
      case 'result':
        if (!scope.hasResult)
          err('AFL103', path, `'result' is used where no previous step produced a value`, scope.inChain ? `'result' is the value of the previous chain step; the first step of a chain has none` : `'result' exists only inside chain callbacks`);
        return e;
      case 'global': {
        const slot = globalNames.indexOf(e.name);
        if (slot < 0) err('AFL101', path, `unknown global '${e.name}'`, hintName(e.name, globalNames, 'globals'));
        return { k: 'global', slot };
      }
      case 'local': {
        readsScope = true;
        const slot = localNames.indexOf(e.name);
        if (slot < 0) err('AFL101', path, `unknown local '${e.name}'`, hintName(e.name, localNames, 'locals'));
        else if (!scope.assignedLocals.has(e.name))
          err('AFL106', path, `local '${e.name}' is read before it is assigned`, scope.inChain ? 'assign the local in main before starting the chain that reads it' : 'assign it earlier in main');
        return { k: 'local', slot };
      }
      case 'field':
        return { k: 'field', of: expr(e.of, `${path}.of`, scope), name: e.name };
      case 'hash':
        return { k: 'hash', of: expr(e.of, `${path}.of`, scope) };
      case 'record':
        return { k: 'record', fields: Object.keys(e.fields).sort().map((f) => [f, expr(e.fields[f]!, `${path}.fields.${f}`, scope)] as const) };
      case 'add':
        return { k: 'add', left: expr(e.left, `${path}.left`, scope), right: expr(e.right, `${path}.right`, scope) };
      default:
        err('AFL110', path, `unsupported expression ${JSON.stringify((e as { k?: unknown }).k)}`, 'see src/semantics/program.ts for the expression forms');
        return { k: 'lit', value: null };
    }
  };

  const sync = (c: SyncCommand, path: string, scope: Scope, assigned: Set<string> | null): CSync => {
    switch (c.k) {
      case 'assign': {
        const value = expr(c.value, `${path}.value`, scope);
        if (c.target.k === 'global') {
          const slot = globalNames.indexOf(c.target.name);
          if (slot < 0) err('AFL101', `${path}.target`, `unknown global '${c.target.name}'`, hintName(c.target.name, globalNames, 'globals'));
          return { k: 'assign-global', slot, value };
        }
        const slot = localNames.indexOf(c.target.name);
        if (slot < 0) err('AFL101', `${path}.target`, `unknown local '${c.target.name}'`, hintName(c.target.name, localNames, 'locals'));
        else if (assigned === null) err('AFL110', path, `chain callbacks cannot assign local '${c.target.name}'`, 'locals are per-event const bindings assigned in main; use a global for shared mutable state');
        else if (assigned.has(c.target.name)) err('AFL106', path, `local '${c.target.name}' is assigned twice`, 'locals are const: assign once, or use a global');
        else assigned.add(c.target.name);
        return { k: 'assign-local', slot, value };
      }
      case 'respond':
        return { k: 'respond', value: expr(c.value, `${path}.value`, scope) };
      case 'end':
        usesEnd = true;
        if (!opts.allowsEnd)
          err('AFL104', path, `end() is not a command of the '${opts.semanticsName}' semantics`, `end() exists only in the decoupled semantics (paper Fig. 7); check with --semantics decoupled`);
        return { k: 'end' };
      default:
        err('AFL110', path, `unsupported command ${JSON.stringify((c as { k?: unknown }).k)}`, 'callbacks may assign, respond or end');
        return { k: 'end' };
    }
  };

  // main, in order: tracks which locals are assigned and which chains are started before each command.
  const startedAt = new Map<string, number>();
  const assignedBeforeStart = new Map<string, Set<string>>();
  const assigned = new Set<string>();
  const main: CMain[] = [];
  let returned = false;
  (src.main ?? []).forEach((c: MainCommand, i) => {
    const path = `main[${i}]`;
    if (returned) err('AFL111', path, 'command after return is unreachable', 'move it before the return');
    const scope: Scope = { hasResult: false, assignedLocals: new Set(assigned), inChain: false };
    const chainRef = (name: string, mustBeStarted: boolean): number => {
      const idx = chainNames.indexOf(name);
      if (idx < 0) err('AFL102', `${path}.chain`, `unknown chain '${name}'`, hintName(name, chainNames, 'chains'));
      else if (mustBeStarted && !startedAt.has(name)) err('AFL107', path, `chain '${name}' is used before it is started`, `add start('${name}') earlier in main`);
      return idx;
    };
    switch (c.k) {
      case 'start': {
        const idx = chainRef(c.chain, false);
        if (startedAt.has(c.chain)) err('AFL107', path, `chain '${c.chain}' is started twice`, 'a chain is one promise chain per event; define a second chain');
        startedAt.set(c.chain, i);
        assignedBeforeStart.set(c.chain, new Set(assigned));
        main.push({ k: 'start', chain: idx });
        break;
      }
      case 'await':
        main.push({ k: 'await', chain: chainRef(c.chain, true) });
        break;
      case 'returnChain':
        main.push({ k: 'returnChain', chain: chainRef(c.chain, true) });
        returned = true;
        break;
      case 'return':
        main.push({ k: 'return', value: expr(c.value, `${path}.value`, scope) });
        returned = true;
        break;
      default:
        main.push(sync(c, path, scope, assigned));
    }
  });
  if ((src.main ?? []).length === 0) err('AFL110', 'main', 'main is empty', 'a handler needs at least one command (e.g. returnValue(lit(null)))');

  const chains: CChain[] = chainNames.map((name) => {
    readsScope = false;
    const steps = src.chains![name]!;
    const path = `chains.${name}`;
    const localsAtStart = assignedBeforeStart.get(name) ?? new Set<string>();
    if (!Array.isArray(steps) || steps.length === 0 || steps[0]!.k !== 'await')
      err('AFL105', path, `chain '${name}' must start with an await step (connect/read/write/timer/allSettled)`, 'a chain is a promise: its first step is the asynchronous operation that creates it');
    const cSteps: CStep[] = (Array.isArray(steps) ? steps : []).map((s: ChainStep, i) => {
      const sp = `${path}[${i}]`;
      const scope: Scope = { hasResult: i > 0, assignedLocals: localsAtStart, inChain: true };
      switch (s.k) {
        case 'await':
          return { k: 'await', op: op(s.op, `${sp}.op`, scope, name) };
        case 'then':
        case 'catch':
          return { k: s.k, body: s.body.map((c, j) => sync(c, `${sp}.body[${j}]`, scope, null)), value: s.value === undefined ? null : expr(s.value, `${sp}.value`, scope) };
        case 'finally':
          return { k: 'finally', body: s.body.map((c, j) => sync(c, `${sp}.body[${j}]`, scope, null)) };
        default:
          err('AFL105', sp, `unknown chain step ${JSON.stringify((s as { k?: unknown }).k)}`, 'steps are await/then/catch/finally');
          return { k: 'finally', body: [] };
      }
    });
    const writesFrom = cSteps.map((_, i) => cSteps.slice(i).some((s) => s.k === 'await' && s.op.k === 'write'));
    return { name, steps: cSteps, writesFrom, readsScope };
  });

  function op(o: AsyncOp, path: string, scope: Scope, owner: string): COp {
    const key = (k: string) => {
      const slot = dbKeys.indexOf(k);
      if (slot < 0) err('AFL108', `${path}.key`, `unknown database key '${k}'`, hintName(k, dbKeys, 'db'));
      return slot;
    };
    const mayFail = o.k !== 'allSettled' && o.mayFail === true;
    switch (o.k) {
      case 'connect':
      case 'timer':
        return { k: o.k, mayFail };
      case 'read':
        return { k: 'read', key: key(o.key), mayFail };
      case 'write':
        return { k: 'write', key: key(o.key), value: expr(o.value, `${path}.value`, scope), mayFail };
      case 'allSettled': {
        const idx = o.chains.map((c, j) => {
          const i = chainNames.indexOf(c);
          if (i < 0) err('AFL102', `${path}.chains[${j}]`, `unknown chain '${c}'`, hintName(c, chainNames, 'chains'));
          else if (c === owner) err('AFL107', `${path}.chains[${j}]`, `chain '${c}' waits for itself`, 'a chain cannot settle before itself');
          else if (!startedAt.has(c) || (startedAt.get(owner) ?? -1) < startedAt.get(c)!)
            err('AFL107', `${path}.chains[${j}]`, `chain '${c}' is not started before '${owner}'`, `start('${c}') must come before start('${owner}') in main`);
          return i;
        });
        return { k: 'allSettled', chains: idx, mayFail: false };
      }
      default:
        err('AFL105', path, `unknown asynchronous operation ${JSON.stringify((o as { k?: unknown }).k)}`, 'operations are connect/read/write/timer/allSettled');
        return { k: 'timer', mayFail: false };
    }
  }

  if (errors.length > 0) return fail(...errors);
  return ok({
    name: src.name,
    globalNames,
    globalInit: globalNames.map((n) => src.globals![n]!),
    localNames,
    dbKeys,
    dbInit: dbKeys.map((k) => src.db![k]!),
    chains,
    main,
    usesEnd,
  });
}

function hintName(name: string, known: readonly string[], what: string): string {
  const close = known.find((k) => k.toLowerCase() === name.toLowerCase() || (k.length > 2 && (k.startsWith(name) || name.startsWith(k))));
  if (close) return `did you mean '${close}'?`;
  return known.length ? `declared ${what}: ${known.join(', ')}` : `declare it in '${what}'`;
}
