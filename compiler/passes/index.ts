// The pass pipeline, in order. Adding a pass is adding a module and one line here.
import type { Pass } from './pass.js';

export const passes: Pass[] = [];
