// Per-translation-unit statistics, written by --stats=FILE as one JSON line per unit.
export interface UnitStats {
  file: string;
  functions: number; // function definitions in the main file
  functionsSkipped: number; // of those, not transformable because of parse errors
  parseErrors: number;
  checksInserted: number;
  checksRemoved: number;
  stubsGenerated: number;
  faultsInjected: number;
  ms: number;
  /** Extra per-pass details (e.g. the injected fault's before/after), keyed by pass name. */
  details?: Record<string, unknown>;
}

export function emptyStats(file: string): UnitStats {
  return {
    file,
    functions: 0,
    functionsSkipped: 0,
    parseErrors: 0,
    checksInserted: 0,
    checksRemoved: 0,
    stubsGenerated: 0,
    faultsInjected: 0,
    ms: 0,
  };
}
