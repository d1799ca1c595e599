// Annotations attached to a declarator (by the front end's attribute positions).
import { annotationFromAttribute, type Annotation } from '../../../annotations/language.js';
import type { DeclaratorInfo } from '../../frontend/symbols.js';
import type { Attribute } from '../../frontend/unit.js';

export interface AnnotationProblem {
  attribute: Attribute;
  message: string;
}

export function annotationsOfAttributes(attrs: readonly Attribute[], problems?: AnnotationProblem[]): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<number>();
  for (const a of attrs) {
    const key = a.argsStart * 1000 + a.name.length;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = annotationFromAttribute(a);
    if (!r) continue;
    if (r.ok) out.push(r.annotation);
    else problems?.push({ attribute: a, message: r.message });
  }
  return out;
}

export function annotationsOf(d: DeclaratorInfo, problems?: AnnotationProblem[]): Annotation[] {
  // Attributes inside a struct/union body written in this declaration's type
  // belong to that body's members, not to this declarator.
  const body = d.declarationNode.childForFieldName('type')?.childForFieldName('body');
  const own = [...d.attributes, ...d.pointerAttributes.flat()].filter((a) => !body || a.start < body.startIndex || a.start >= body.endIndex);
  return annotationsOfAttributes(own, problems);
}
