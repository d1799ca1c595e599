// gcc-style diagnostics: `file:line:col: error: message`, notes after their error.
import type { SourceLocation } from './frontend/unit.js';

export type Severity = 'error' | 'warning' | 'note' | 'fatal error';

export interface Diagnostic {
  severity: Severity;
  location?: SourceLocation; // absent for command-line problems ("fgftc: error: ...")
  message: string;
  /** Rule or check id, e.g. "bounds/upper" (for --format json/sarif). */
  rule?: string;
  notes?: Diagnostic[];
}

export function formatDiagnostic(d: Diagnostic, program = 'fgftc'): string {
  const head = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : program;
  const lines = [`${head}: ${d.severity}: ${d.message}`];
  for (const n of d.notes ?? []) lines.push(formatDiagnostic(n, program));
  return lines.join('\n');
}

export class DiagnosticSink {
  readonly list: Diagnostic[] = [];

  report(d: Diagnostic): void {
    this.list.push(d);
  }

  error(location: SourceLocation | undefined, message: string, rule?: string, notes?: Diagnostic[]): void {
    this.report({ severity: 'error', location, message, rule, notes });
  }

  warning(location: SourceLocation | undefined, message: string, rule?: string, notes?: Diagnostic[]): void {
    this.report({ severity: 'warning', location, message, rule, notes });
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error' || d.severity === 'fatal error').length;
  }

  get warningCount(): number {
    return this.list.filter((d) => d.severity === 'warning').length;
  }
}

/** A user-facing failure (bad flag, unreadable file): printed as a diagnostic, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** fgftc's exit status for a bug in fgftc itself (EX_SOFTWARE). */
export const EXIT_INTERNAL_ERROR = 70;

/** How the fgftc command reports a failure that reached its top: one line (the stack only with FGFTC_DEBUG), a status. */
export function reportFailure(err: unknown, writeStderr: (text: string) => void, env: NodeJS.ProcessEnv): number {
  if (err instanceof UserError) {
    writeStderr(`fgftc: error: ${err.message}\n`);
    return err.exitCode;
  }
  // Commander reports its own usage errors and exits by itself; anything reaching here is a bug.
  writeStderr(`fgftc: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (env.FGFTC_DEBUG && err instanceof Error && err.stack) writeStderr(err.stack + '\n');
  else writeStderr('fgftc: note: this is a bug in fgftc; rerun with FGFTC_DEBUG=1 for details and report it\n');
  return EXIT_INTERNAL_ERROR;
}
