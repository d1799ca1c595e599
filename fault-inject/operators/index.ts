// The fault operators, in the order `fgftc faults list` shows them. Adding an
// operator is adding a module and one line here.
import type { FaultOperator } from '../site.js';
import { allocfail } from './allocfail.js';
import { badparam } from './badparam.js';
import { badptr } from './badptr.js';
import { doublefree } from './doublefree.js';
import { dropassign } from './dropassign.js';
import { dropcall } from './dropcall.js';
import { dropcheck } from './dropcheck.js';
import { dstcorrupt } from './dstcorrupt.js';
import { infloop } from './infloop.js';
import { invertcond } from './invertcond.js';
import { irqleak } from './irqleak.js';
import { lockleak } from './lockleak.js';
import { memleak } from './memleak.js';
import { nullptr } from './nullptr.js';
import { offbyone } from './offbyone.js';
import { scanoverrun } from './scanoverrun.js';
import { srccorrupt } from './srccorrupt.js';
import { uninit } from './uninit.js';

export const operators: readonly FaultOperator[] = [
  scanoverrun, offbyone, nullptr, badptr, uninit, invertcond, dropcheck, srccorrupt, dstcorrupt,
  allocfail, lockleak, irqleak, doublefree, memleak, infloop, badparam, dropassign, dropcall,
];

export function operatorByName(name: string): FaultOperator | undefined {
  return operators.find((o) => o.name === name);
}
