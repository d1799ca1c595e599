// The campaign chart: one 100% stacked bar per recovery policy, coloured by
// outcome class, as a self-contained SVG a browser opens directly.
import { CLASS_LABELS, TRIAL_CLASSES, type TrialClass } from './trial.js';
import type { ClassCounts } from './summary.js';

const COLOURS: Readonly<Record<TrialClass, string>> = {
  'not-activated': '#c7c7c7',
  'no-effect': '#9ecae1',
  'recovered-transparent': '#31a354',
  'recovered-app-error': '#a1d99b',
  crash: '#de2d26',
  hang: '#fc9272',
  'silent-corruption': '#756bb1',
  'leak-after-recovery': '#fdae6b',
  leak: '#e6550d',
};

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function chartSvg(byPolicy: ReadonlyMap<string, ClassCounts>, title: string): string {
  const barW = 600;
  const barH = 28;
  const left = 190; // room for "restart (permanent) (12345)"
  const top = 40;
  const gap = 14;
  const policies = [...byPolicy.keys()];
  const legendTop = top + policies.length * (barH + gap) + 10;
  const height = legendTop + Math.ceil(TRIAL_CLASSES.length / 3) * 20 + 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + barW + 30}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  policies.forEach((p, i) => {
    const counts = byPolicy.get(p) as ClassCounts;
    const total = TRIAL_CLASSES.reduce((n, c) => n + counts[c], 0);
    const y = top + i * (barH + gap);
    parts.push(`<text x="10" y="${y + barH / 2 + 4}">${escapeXml(p)} (${total})</text>`);
    let x = left;
    for (const c of TRIAL_CLASSES) {
      if (counts[c] === 0 || total === 0) continue;
      const w = (barW * counts[c]) / total;
      parts.push(`<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${barH}" fill="${COLOURS[c]}">` +
        `<title>${escapeXml(`${p}: ${CLASS_LABELS[c]} ${counts[c]} (${((100 * counts[c]) / total).toFixed(1)}%)`)}</title></rect>`);
      x += w;
    }
  });
  TRIAL_CLASSES.forEach((c, i) => {
    const x = 10 + (i % 3) * 240;
    const y = legendTop + Math.floor(i / 3) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLOURS[c]}"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 10}">${escapeXml(CLASS_LABELS[c])}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
