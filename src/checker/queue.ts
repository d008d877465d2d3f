/**
 * Frontier containers for the explorers.
 *
 * `Fifo` is a linked list of fixed-size chunks: push writes at the tail chunk, pop reads at the head
 * chunk, and a drained head chunk is recycled as the next tail, so both are O(1) and a steady-state
 * BFS allocates no chunks at all (never `Array.shift`, which is O(n) on large arrays). Popped slots
 * are cleared so the garbage collector can reclaim states that have left the frontier.
 * `Stack` is a thin LIFO over a growable array, for DFS.
 */

const CHUNK_SIZE = 4096;

interface Chunk<T> {
  readonly items: (T | undefined)[];
  next: Chunk<T> | undefined;
}

function newChunk<T>(): Chunk<T> {
  return { items: new Array<T | undefined>(CHUNK_SIZE).fill(undefined), next: undefined };
}

export class Fifo<T> {
  private head: Chunk<T> = newChunk();
  private tail: Chunk<T> = this.head;
  private headIndex = 0;
  private tailIndex = 0;
  private spare: Chunk<T> | undefined = undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.tailIndex === CHUNK_SIZE) {
      const chunk = this.spare ?? newChunk<T>();
      this.spare = undefined;
      chunk.next = undefined;
      this.tail.next = chunk;
      this.tail = chunk;
      this.tailIndex = 0;
    }
    this.tail.items[this.tailIndex++] = item;
    this.count++;
  }

  /** Removes and returns the oldest item; `undefined` when empty. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    if (this.headIndex === CHUNK_SIZE) {
      const drained = this.head;
      this.head = drained.next!;
      this.headIndex = 0;
      drained.next = undefined;
      this.spare = drained;
    }
    const items = this.head.items;
    const item = items[this.headIndex];
    items[this.headIndex++] = undefined;
    this.count--;
    if (this.count === 0 && this.head === this.tail) {
      this.headIndex = 0;
      this.tailIndex = 0;
    }
    return item;
  }
}

export class Stack<T> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
  }

  pop(): T | undefined {
    return this.items.pop();
  }

  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }
}
