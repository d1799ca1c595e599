// A pass is one job over a parsed translation unit: it reads the tree and the
// symbol table and records edits and diagnostics. It never writes text itself.
import type { DiagnosticSink } from '../diagnostics.js';
import type { EditSet } from '../emit/edits.js';
import type { ParsedUnit } from '../frontend/unit.js';
import type { UnitStats } from '../stats.js';

/** Options that select and tune passes; each feature owns one optional field. */
export interface TransformOptions {
  /** Bounds annotations: static checker + run-time checks (issue: annotations). */
  bounds?: {
    optimize: boolean;
    failMode: 'abort' | 'log' | 'recover';
    disabledOptimizations?: string[];
    /**
     * Which units get checks. 'fgft-header' (the default when no flag asks for bounds): units that
     * include annotations/fgft.h, the developer's opt-in. 'annotated' (--fgftc-bounds): also units
     * whose only annotations come from elsewhere, e.g. the kernel's own __counted_by.
     */
    scope?: 'fgft-header' | 'annotated';
  };
  /** Entry-point stubs for recovery (issue: krecover). */
  stubs?: {
    enabled: boolean;
    /** Put a probe at the top of every driver function for the control command `f FUNCTION OFFSET` (default true). */
    probes?: boolean;
  };
  /** Compile-time fault injection (issue: fault injection). */
  fault?: {
    operator: string; // a name, a comma list, or "all"
    seed?: number;
    siteId?: string;
    schemata?: boolean;
    /** Report every injection as a `note:` diagnostic (the driver prints them on stderr). */
    verbose?: boolean;
  };
}

export interface PassContext {
  unit: ParsedUnit;
  edits: EditSet;
  diagnostics: DiagnosticSink;
  stats: UnitStats;
  options: TransformOptions;
  /** C text placed before the translation unit (declarations of runtime entry points). Deduplicated. */
  prelude: Set<string>;
}

export interface Pass {
  name: string;
  description: string;
  /**
   * 'source' passes change what the program *is* (fault injection): their
   * edits are applied and the result re-parsed before the 'instrument' passes
   * (checks, stubs) run, so checks see the faulty code, as they would if the
   * bug were in the driver's source. Default: 'instrument'.
   */
  stage?: 'source' | 'instrument';
  enabled(options: TransformOptions): boolean;
  run(ctx: PassContext): void;
}
