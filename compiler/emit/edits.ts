// Output = input plus edits. Every pass records what it changes as edits at
// byte ranges of the preprocessed text; nothing outside an edit is touched.

export interface Edit {
  start: number; // byte offset in the preprocessed text
  end: number; // exclusive; start === end for a pure insertion
  text: string; // replacement (latin1)
  pass: string; // which pass made it, for debugging and conflict messages
  /** Insertions at the same offset are ordered by priority (lower first), then by creation order. */
  priority: number;
  /** Emit a line marker so gcc attributes the inserted code to this original line (default: the edit's line). */
  mapToOffset?: number;
}

export class EditConflictError extends Error {}

export class EditSet {
  private readonly edits: Edit[] = [];

  insert(offset: number, text: string, pass: string, priority = 0): void {
    this.edits.push({ start: offset, end: offset, text, pass, priority });
  }

  replace(start: number, end: number, text: string, pass: string): void {
    if (end < start) throw new RangeError(`bad edit range ${start}..${end}`);
    this.edits.push({ start, end, text, pass, priority: 0 });
  }

  get size(): number {
    return this.edits.length;
  }

  all(): readonly Edit[] {
    return this.edits;
  }

  /** Edits sorted by position; overlapping replacements are a bug in a pass and are rejected. */
  sorted(): Edit[] {
    const order = this.edits.map((e, i) => ({ e, i }));
    order.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.e.priority - b.e.priority || a.i - b.i);
    const out = order.map((o) => o.e);
    for (let k = 1; k < out.length; k++) {
      const prev = out[k - 1];
      const cur = out[k];
      if (cur.start < prev.end) {
        throw new EditConflictError(
          `overlapping edits from passes '${prev.pass}' (${prev.start}..${prev.end}) and '${cur.pass}' (${cur.start}..${cur.end})`,
        );
      }
    }
    return out;
  }
}
