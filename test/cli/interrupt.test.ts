/**
 * Ctrl-C: the real CLI explores in a worker so the main thread can stop it. Here the worker path is
 * driven directly (an aborted signal = Ctrl-C) and must stop cleanly with coverage; and a real
 * process gets a real SIGINT mid-run and must exit by itself, reporting what it covered.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInWorker } from '../../src/cli/interruptible.ts';
import { loadModel } from '../../src/cli/load-model.ts';
import { unwrap } from '../../src/errors.ts';
import { buildModel } from '../../src/semantics/model.ts';

describe('interrupting a check', () => {
  it('the worker path returns the same result as in-process, and stops when its signal is aborted', async () => {
    const loaded = unwrap(await loadModel('paper/running-example'));
    const model = unwrap(buildModel(loaded.definition, { semantics: 'reuse', variant: 'repaired' }));
    const full = await checkInWorker(loaded.file, model, { stopAt: 'exhausted' });
    if (!full.ok || full.result.mode === 'random') throw new Error('expected an exhaustive result');
    expect(full.result.coverage.distinct).toBe(342);
    const controller = new AbortController();
    controller.abort();
    const stopped = await checkInWorker(loaded.file, model, { stopAt: 'exhausted', signal: controller.signal });
    if (!stopped.ok || stopped.result.mode === 'random') throw new Error('expected an exhaustive result');
    expect(stopped.result.coverage.stoppedBy).toBe('interrupted');
    expect(stopped.result.coverage.exhausted).toBe(false);
  });

  it('a real SIGINT stops a long run, which reports its coverage and exits', async () => {
    const bin = join(import.meta.dirname, '../../bin/afterlife.js');
    // the running example with many more events is far too large to finish in the test's time
    const child = spawn(process.execPath, [bin, 'check', join(import.meta.dirname, 'fixtures/many-events.ts'), '--semantics', 'reuse', '--property', 'no-stuck-event', '--no-save'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(out).toMatch(/Explored \d+ distinct states .* interrupted \(Ctrl-C\): results hold only within these bounds/);
  }, 30_000);
});
