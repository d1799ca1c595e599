// Cause `annotation`: the function is marked ENTRY (annotations/fgft.h) on its
// definition or on a prototype. NOENTRY (an exclusion) is applied after all
// detectors, in entry-points.ts.
import type { Detector, EntryReason } from '../entry-points.js';
import { ENTRY_ATTRIBUTE } from '../entry-points.js';

export const annotationDetector: Detector = {
  cause: 'annotation',
  find(ctx) {
    const found: { name: string; reason: EntryReason }[] = [];
    for (const [name, attrs] of ctx.annotations) {
      const mark = attrs.find((a) => a.name === ENTRY_ATTRIBUTE);
      if (mark) found.push({ name, reason: { cause: 'annotation', detail: 'marked ENTRY', offset: mark.start } });
    }
    return found;
  },
};
