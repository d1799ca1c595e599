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
  // Nor do those inside its initialiser (`char *p = NTDROP(s);`: NTDROP is about the value).
  const value = d.node.parent?.type === 'init_declarator' ? d.node.parent.childForFieldName('value') : null;
  const inside = (a: Attribute, n: { startIndex: number; endIndex: number } | null | undefined): boolean => !!n && a.start >= n.startIndex && a.start < n.endIndex;
  const own = [...d.attributes, ...d.pointerAttributes.flat()].filter((a) => !inside(a, body) && !inside(a, value));
  return annotationsOfAttributes(own, problems);
}
