// Text and JSON views of operators and sites for `fgftc faults`.
import { chooseBySeed } from './choose.js';
import { operators } from './operators/index.js';
import { OVERRUN_BANDS } from './overrun.js';
import { mutatedText } from './render.js';
import type { FaultSite } from './site.js';

export function operatorTable(): string {
  const width = Math.max(...operators.map((o) => o.name.length));
  const lines = operators.map((o) => `${o.name.padEnd(width)}  ${o.description}`);
  const bands = OVERRUN_BANDS.map((b) => `+${b.min === b.max ? b.min : `${b.min}..${b.max}`} p=${b.probability}`).join(', ');
  return `${lines.join('\n')}\n\nscanoverrun draws its overrun as SafeDrive/Nooks did: ${bands}.\n`;
}

export interface SiteView {
  id: string;
  operator: string;
  function: string;
  location: string;
  before: string;
  after: string;
  chosen: boolean;
}

export function siteViews(text: string, sites: readonly FaultSite[], seed: number | undefined): SiteView[] {
  const chosen = seed === undefined ? undefined : chooseBySeed(sites, seed);
  return sites.map((s) => ({
    id: s.id,
    operator: s.operator,
    function: s.function,
    location: `${s.file}:${s.line}:${s.column}`,
    before: oneLine(text.slice(s.start, s.end)),
    after: oneLine(mutatedText(text, s, seed ?? 0)),
    chosen: s === chosen,
  }));
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

export function siteTable(views: readonly SiteView[]): string {
  return views.map((v) => `${v.chosen ? '*' : ' '} ${v.id}\t${v.location}\t${v.before}  ->  ${v.after}`).join('\n') + '\n';
}
