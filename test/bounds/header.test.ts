// annotations/fgft.h: annotated code builds with plain gcc; under fgftc the
// annotations become fgft_* attributes that the output no longer contains;
// the kernel's own __counted_by family, defined first, wins.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, transform } from './helpers.js';
import { makeScratchDir } from '../scratch.js';

const dir = makeScratchDir('fgftc-hdr');

const EVERY_ANNOTATION = `
#include <stddef.h>
struct pkt {
	size_t len;
	unsigned char *buf __counted_by_ptr(len);
	unsigned char *b2 __counted_by_le(len);
	unsigned char *b3 __counted_by_be(len);
	char *name NTS;
	int *COUNT(len) p2;
	void *SIZE(len) raw;
	int *BND(p2, p2 + 1) mid;
	int tag;
	union { int i WHEN(tag == 1); char c WHEN(tag == 2); } u;
	int n;
	int data[] __counted_by(n);
};
struct seq { int *SEQ s; int *FSEQ f; char *SNT z; int ASSUMECONST k; };
void *my_alloc(size_t n) DALLOC(n);
void *my_realloc(void *p, size_t n) DREALLOC(p, n);
void my_free(void *p) DFREE(p);
void my_set(void *p, int c, size_t n) DMEMSET(p, c, n);
void my_cpy(void *d, const void *s, size_t n) DMEMCPY(d, s, n);
int my_cmp(const void *a, const void *b, size_t n) DMEMCMP(a, b, n);
int f1(int *SAFE a, int *NONNULL b, int *OPT c, const char *NT d, const char *NTC(2) e);
int f2(int *p __sized_by(n), int n, int *q __counted_by_or_null(n), int *r __sized_by_or_null(n));
int f3(int *p __ended_by(e), int *e, const char *s __null_terminated);
void *POLY f4(void *TP(t) p);
static TRUSTED int f5(int *COUNT(2) a) { return a[1]; }
int f6(int *COUNT(2) a);
int f6(int *COUNT(2) a) { int v; { TRUSTEDBLOCK v = a[0]; } return v + TC(a[1]) + f5(a) + (int)(NTDROP(0)) + (int)(NTEXPAND(0)); }
`;

function compile(src: string, defines: string[] = []): string {
  const path = join(dir, `h${Math.random().toString(36).slice(2)}.c`);
  writeFileSync(path, src);
  return execFileSync('gcc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', ...defines, '-I', join(ROOT, 'annotations'), '-c', path, '-o', `${path}.o`], { encoding: 'utf8' });
}

describe('fgft.h', () => {
  it('expands every annotation away for plain gcc (-Wall -Wextra -Werror)', () => {
    expect(() => compile(`#include "fgft.h"\n${EVERY_ANNOTATION}`)).not.toThrow();
  });

  it('keeps the kernel definitions of the counted_by family when they come first', () => {
    const kernel = '#define __counted_by(m) /* kernel */\n#define __counted_by_ptr(m)\n#define __counted_by_le(m)\n#define __counted_by_be(m)\n';
    expect(() => compile(`${kernel}#include "fgft.h"\n${EVERY_ANNOTATION}`)).not.toThrow();
  });

  it('under fgftc, is read by the front end and removed from the output', () => {
    const r = transform(EVERY_ANNOTATION);
    expect(r.diagnostics.list.filter((d) => d.severity === 'error')).toEqual([]);
    const main = r.output.slice(r.output.lastIndexOf('fgft.h"'));
    // Hidden bounds (`s__fgft_lo`, SEQ fields and locals) are fgftc's own names, not annotations.
    expect(main).not.toMatch(/__attribute__\s*\(\(\s*fgft_|(?<!_)fgft_(?!check_)[a-z_]+/);
    const out = join(dir, 'every.i');
    writeFileSync(out, r.output, 'latin1');
    expect(() => execFileSync('gcc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-c', '-x', 'cpp-output', out, '-o', `${out}.o`])).not.toThrow();
  });

  it("reads the kernel's own counted_by attribute as __counted_by", () => {
    const r = transform('struct m { int n; int *d __attribute__((__counted_by__(n))); };\nint f(struct m *NONNULL m)\n{ return m->d[m->n]; }');
    expect(r.output).toContain('fgft_check_index(m->n, m->n,');
  });

  it('leaves a program without annotations byte-for-byte unchanged', () => {
    const r = transform('int main(void) { int a[2] = {0}; int *p = a; return p[1]; }', {}, false);
    expect(r.output).toBe(r.unit.text);
  });
});
