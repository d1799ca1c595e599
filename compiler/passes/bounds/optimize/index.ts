// The check optimizer: each idea its own pass, run in this order.
import { conditionFacts } from './condition-facts.js';
import { constantBounds } from './constant-bounds.js';
import { dominatingCheck } from './dominating.js';
import { hoist } from './hoist.js';
import { loopIndex } from './loop-index.js';
import { moduloIndex } from './modulo-index.js';
import type { Optimization } from './optimization.js';

export const optimizations: Optimization[] = [constantBounds, moduloIndex, loopIndex, conditionFacts, dominatingCheck, hoist];
