import { describe, expect, it } from 'vitest';
import { formatSeed, resolveOptions } from '../../src/checker/options.ts';
import { mutex } from '../fixtures/mutex.ts';

describe('resolveOptions', () => {
  const model = mutex();
  it('fills every default explicitly', () => {
    const resolution = resolveOptions(model, { seed: 1 });
    expect(resolution).toMatchObject({
      ok: true,
      options: { mode: 'bfs', maxDepth: Infinity, maxStates: Infinity, timeoutMs: Infinity, storage: 'fingerprint', stopAt: 'first-violation', seed: 1, runs: 1000, progressEvery: 100_000 },
    });
    expect(resolution.ok && resolution.options.properties).toEqual(model.properties.map((p) => p.name));
  });
  it('random mode defaults to a finite depth and a drawn seed', () => {
    const resolution = resolveOptions(model, { mode: 'random' });
    expect(resolution.ok && resolution.options.maxDepth).toBe(100);
    expect(resolution.ok && Number.isInteger(resolution.options.seed)).toBe(true);
  });
  it('keeps the model order of selected properties', () => {
    const resolution = resolveOptions(model, { properties: ['all-done', 'mutual-exclusion'] });
    expect(resolution.ok && resolution.options.properties).toEqual(['mutual-exclusion', 'all-done']);
  });
  it('parses hex seeds and prints them back', () => {
    const resolution = resolveOptions(model, { seed: '0x1a2b' });
    expect(resolution.ok && resolution.options.seed).toBe(0x1a2b);
    expect(formatSeed(0x1a2b)).toBe('0x1a2b');
    expect(formatSeed(-1)).toBe('0xffffffff');
  });
  it('returns all errors as values with codes and hints', () => {
    const resolution = resolveOptions(model, { maxStates: 0, timeoutMs: 1.5, seed: 'zebra', storage: 'disk' as 'exact', stopAt: 'never' as 'exhausted', properties: ['mutex'] });
    expect(resolution.ok).toBe(false);
    if (resolution.ok) return;
    expect(resolution.errors.map((e) => [e.code, e.option])).toEqual([
      ['AFL213', 'properties'],
      ['AFL214', 'seed'],
      ['AFL211', 'maxStates'],
      ['AFL211', 'timeoutMs'],
      ['AFL212', 'storage'],
      ['AFL212', 'stopAt'],
    ]);
    expect(resolution.errors[0]!.hint).toContain('mutual-exclusion');
  });
});
