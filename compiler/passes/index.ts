// The pass pipeline, in order. Adding a pass is adding a module and one line here.
import type { Pass } from './pass.js';
import { boundsPass } from './bounds/index.js';
import { stripAnnotationsPass } from './bounds/strip-annotations.js';
import { entryStubsPass } from './stubs/index.js';
import { faultInjectPass } from './fault-inject.js';

export const passes: Pass[] = [boundsPass, stripAnnotationsPass, entryStubsPass, faultInjectPass];
