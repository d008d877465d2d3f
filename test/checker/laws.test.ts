import { modelLaws } from '../laws.ts';
import { mutex } from '../fixtures/mutex.ts';
import { counterGrid, forks, jumpCounter, unboundedCounter } from '../fixtures/toy-models.ts';
import { twoPhaseCommit } from '../fixtures/two-phase-commit.ts';

modelLaws('two-phase commit, 3 RMs', () => twoPhaseCommit(3));
modelLaws('two-phase commit, 2 RMs, depth 4', () => twoPhaseCommit(2), { maxDepth: 4 });
modelLaws('buggy mutex, 3 processes', () => mutex({ processes: 3 }));
modelLaws('fixed mutex', () => mutex({ fixed: true }));
modelLaws('forks', forks);
modelLaws('counter grid 3x5', () => counterGrid(3, 5));
modelLaws('unbounded counter, depth 30', unboundedCounter, { maxDepth: 30 });
// Depth bounds where states are reachable by paths of different lengths: DFS must re-expand them.
modelLaws('two-phase commit, 3 RMs, depth 6', () => twoPhaseCommit(3), { maxDepth: 6 });
modelLaws('buggy mutex, 3 processes, depth 7', () => mutex({ processes: 3 }), { maxDepth: 7 });
modelLaws('jump counter, depth 5', () => jumpCounter(30), { maxDepth: 5 });
