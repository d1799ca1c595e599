// Lint output: gcc-style text, JSON (one object per diagnostic), SARIF 2.1.0.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export type LintFormat = 'gcc' | 'json' | 'sarif';

export const RULE_DESCRIPTIONS: Record<string, string> = {
  'bounds/lower': 'an index is below the start of its object',
  'bounds/upper': 'an index is past the end of its object',
  'bounds/ptr-arith': 'pointer arithmetic leaves the bounds of its object',
  'bounds/safe-arith': 'arithmetic on a SAFE pointer',
  'bounds/nonnull': 'a NONNULL pointer receives NULL',
  'bounds/call': 'an argument claims more elements than the object passed has',
  'bounds/annotation': 'a malformed annotation',
  'bounds/unannotated-arith': 'pointer arithmetic on an unannotated parameter of an interface function',
};

export function formatGcc(diags: readonly Diagnostic[]): string {
  return diags.map((d) => formatDiagnostic(d) + '\n').join('');
}

export function formatJson(diags: readonly Diagnostic[]): string {
  return JSON.stringify(diags, null, 2) + '\n';
}

function sarifLocation(d: Diagnostic): object[] {
  if (!d.location) return [];
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: d.location.file },
        region: { startLine: d.location.line, startColumn: d.location.column },
      },
    },
  ];
}

function sarifLevel(d: Diagnostic): 'error' | 'warning' | 'note' {
  return d.severity === 'warning' ? 'warning' : d.severity === 'note' ? 'note' : 'error';
}

export function formatSarif(diags: readonly Diagnostic[]): string {
  const ruleIds = [...new Set(diags.map((d) => d.rule ?? 'bounds/other'))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fgftc',
            informationUri: 'https://example.invalid/fgftc',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: RULE_DESCRIPTIONS[id] ?? id } })),
          },
        },
        results: diags.map((d) => ({
          ruleId: d.rule ?? 'bounds/other',
          ruleIndex: ruleIds.indexOf(d.rule ?? 'bounds/other'),
          level: sarifLevel(d),
          message: { text: d.message },
          locations: sarifLocation(d),
          relatedLocations: (d.notes ?? []).flatMap((n, k) =>
            n.location ? [{ id: k, message: { text: n.message }, ...(sarifLocation(n)[0] as object) }] : [],
          ),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

export function formatDiagnostics(diags: readonly Diagnostic[], format: LintFormat): string {
  if (format === 'json') return formatJson(diags);
  if (format === 'sarif') return formatSarif(diags);
  return formatGcc(diags);
}
