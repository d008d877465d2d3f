import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Fifo, Stack } from '../../src/checker/queue.ts';

describe('frontier containers', () => {
  test.prop([fc.array(fc.oneof(fc.integer(), fc.constant('pop' as const)), { maxLength: 20_000 })])('Fifo behaves like an array queue', (operations) => {
    const fifo = new Fifo<number>();
    const model: number[] = [];
    let head = 0;
    for (const operation of operations) {
      if (operation === 'pop') expect(fifo.pop()).toBe(head < model.length ? model[head++] : undefined);
      else {
        fifo.push(operation);
        model.push(operation);
      }
      expect(fifo.size).toBe(model.length - head);
    }
  });
  it('Fifo crosses many chunks in O(1) per operation', () => {
    const fifo = new Fifo<number>();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100_000; i++) fifo.push(i);
      for (let i = 0; i < 100_000; i++) expect(fifo.pop()).toBe(i);
    }
    expect(fifo.pop()).toBeUndefined();
  });
  it('Stack is LIFO', () => {
    const stack = new Stack<string>();
    stack.push('a');
    stack.push('b');
    expect([stack.peek(), stack.pop(), stack.pop(), stack.pop(), stack.size]).toEqual(['b', 'b', 'a', undefined, 0]);
  });
});
