import { modelLaws } from '../laws.ts';
import { mutex } from '../fixtures/mutex.ts';
import { counterGrid, forks, unboundedCounter } from '../fixtures/toy-models.ts';
import { twoPhaseCommit } from '../fixtures/two-phase-commit.ts';

modelLaws('two-phase commit, 3 RMs', () => twoPhaseCommit(3));
modelLaws('two-phase commit, 2 RMs, depth 4', () => twoPhaseCommit(2), { maxDepth: 4 });
modelLaws('buggy mutex, 3 processes', () => mutex({ processes: 3 }));
modelLaws('fixed mutex', () => mutex({ fixed: true }));
modelLaws('forks', forks);
modelLaws('counter grid 3x5', () => counterGrid(3, 5));
modelLaws('unbounded counter, depth 30', unboundedCounter, { maxDepth: 30 });
