/**
 * dropcall: a call is removed (its arguments are still evaluated).
 *
 *   before: e1000_irq_enable(adapter);
 *   after:  ((void)(adapter));
 *
 * Sites: every call statement (a call whose result is not used), except fgftc's own runtime calls.
 */
import type { FaultOperator } from '../site.js';
import { isRuntimeName } from '../syntax.js';
import { skippedCallSites } from './drop-call.js';

export const dropcall: FaultOperator = {
  name: 'dropcall',
  description: 'a call statement is removed',
  findSites(fn, text) {
    return skippedCallSites(fn.node, text, (name) => !isRuntimeName(name));
  },
};
