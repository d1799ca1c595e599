// One optimisation = one module: it marks check sites it proves redundant.
import type { CheckSite } from '../sites.js';
import type { Resolver } from '../resolve.js';

export interface OptimizationContext {
  sites: CheckSite[];
  resolver: Resolver;
  /** Checks to add (e.g. hoisted before a loop), placed as statements. */
  added: CheckSite[];
}

export interface Optimization {
  name: string;
  description: string;
  run(ctx: OptimizationContext): void;
}

export function live(sites: CheckSite[]): CheckSite[] {
  return sites.filter((s) => !s.removedBy);
}
