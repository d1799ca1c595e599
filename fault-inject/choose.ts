// The seeded chooser: which site a `--fault TYPE --seed N` build injects.
// Site i is chosen with i = splitmix64(seed) mod (number of sites), by
// rejection so every site is equally likely: the same on every machine.
import { UserError } from '../compiler/diagnostics.js';
import { Rng } from './prng.js';
import type { FaultSite } from './site.js';

export function chooseBySeed(sites: readonly FaultSite[], seed: number): FaultSite | undefined {
  if (sites.length === 0) return undefined;
  return sites[new Rng(seed).below(sites.length)];
}

export function chooseById(sites: readonly FaultSite[], id: string): FaultSite {
  const site = sites.find((s) => s.id === id);
  if (!site) {
    const near = sites.filter((s) => s.id.split(':')[0] === id.split(':')[0]).slice(0, 5).map((s) => s.id);
    throw new UserError(`no fault site '${id}'${near.length ? ` (sites in that function: ${near.join(', ')})` : ''}`);
  }
  return site;
}
