# Generates the corpus families for access shapes (shape-*), flexible array
# member counts (fam-*) and address-taken locals (addr-taken-*): each shape
# passing at its last element and caught one past either end. Same format as
# generate-cases.py: `@LINE` in an expectation is the line marked /*@*/.
# Run from anywhere: python3 generate-access-shapes.py
import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases')
cases = {}

def case(name, body, expect):
    src = '#include "fgft.h"\n#include <stdio.h>\n#include <stdlib.h>\n#include <stddef.h>\n' + body.strip('\n') + '\n'
    mark = [i + 2 for i, l in enumerate(src.split('\n')) if '/*@*/' in l]
    text = '// expect: ' + expect.replace('@LINE', str(mark[0]) if mark else '?') + '\n' + src
    assert name not in cases, name
    cases[name] = text

LAST = ('last', 'clean "v=4\\n"')
PAST = ('one-past', 'runtime-fail upper @LINE')
BEFORE = ('before', 'runtime-fail lower @LINE')

def main_calling(call):
    return f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int d = argc - 1;
	(void)argv;
	printf("v=%d\\n", {call});
	return 0;
}}
'''

# ---- 1. additive chains on a COUNT(n) parameter: the offset is the sum of the integer terms
chains = {
    'sum': '*(b + k + j)',            # ((b + k) + j)
    'swapped': '*(k + b)',            # the pointer on the right (j unused)
    'swapped-sum': '*(k + b + j)',    # pointer in the middle
    'subscript-of-sum': '(b + k)[j]',
    'sum-minus': '*(b + k + j + 1 - 1)',
}
for name, expr in chains.items():
    for pos, exp in [LAST, PAST, BEFORE]:
        kj = {'last': (2, 1), 'one-past': (2, 2), 'before': (-2, 1)}[pos]
        if name == 'swapped':
            kj = (kj[0] + kj[1], 0)
        body = f'''
static int get(int *COUNT(n) b, int n, int k, int j)
{{
	(void)j;
	return {expr}; /*@*/
}}
''' + main_calling(f'get(a, 4, {kj[0]} + d, {kj[1]})')
        case(f'shape-{name}-{pos}', body, exp)

# ---- 2. pointer minus integer: lower bound of a counted pointer, of an inferred local, as arithmetic
for pos, k, exp in [('last', 1, 'clean "v=4\\n"'), ('one-past', 0, 'runtime-fail upper @LINE'), ('before', 5, 'runtime-fail lower @LINE')]:
    body = f'''
static int get(int *COUNT(n) b, int n, int k)
{{
	return *(b + n - k); /*@*/
}}
''' + main_calling(f'get(a, 4, {k} + d)')
    case(f'shape-count-minus-{pos}', body, exp)
for pos, k, exp in [('first', 2, 'clean "v=1\\n"'), ('before', 3, 'runtime-fail lower @LINE'), ('one-past', -2, 'runtime-fail upper @LINE')]:
    body = f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int *p = a + 2;
	int k = {k} + argc - 1;
	(void)argv;
	printf("v=%d\\n", *(p - k)); /*@*/
	return 0;
}}
'''
    case(f'shape-local-minus-{pos}', body, exp)
for pos, k, exp in [('first', 2, 'clean "v=1\\n"'), ('before', 3, 'runtime-fail ptr-arith @LINE')]:
    body = f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int *p = a + 2;
	int *q;
	int k = {k} + argc - 1;
	(void)argv;
	q = p - k; /*@*/
	printf("v=%d\\n", *q);
	return 0;
}}
'''
    case(f'shape-arith-minus-{pos}', body, exp)
case('shape-const-sum-past', '''
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("v=%d\\n", *(a + 2 + 2)); /*@*/
	return 0;
}
''', 'compile-error @LINE "index 4 is out of bounds"')
# container_of's `(char *)p - offsetof(...)` is an idiom, not an access below p.
case('shape-container-of', '''
struct inner { int x; };
struct outer { int tag; struct inner in; };
static int tag_of(struct inner *COUNT(1) i)
{
	struct outer *o = (struct outer *)((char *)i - offsetof(struct outer, in)); /*@*/
	return o->tag;
}
int main(void)
{
	struct outer o = { .tag = 4, .in = { .x = 1 } };
	printf("v=%d\\n", tag_of(&o.in));
	return 0;
}
''', 'clean "v=4\\n"')

# ---- 3. statement expressions as the base of an access: checked inside, on their value
for pos, i, exp in [LAST[:1] + (3, LAST[1]), PAST[:1] + (4, PAST[1]), BEFORE[:1] + (-1, BEFORE[1])]:
    body = f'''
static int get(int *COUNT(n) b, int n, int i)
{{
	return ({{ int *t = b; t; }})[i]; /*@*/
}}
''' + main_calling(f'get(a, 4, {i} + d)')
    case(f'shape-stmt-expr-index-{pos}', body, exp)
for pos, i, exp in [('last', 3, 'clean "v=4\\n"'), ('one-past', 4, 'runtime-fail upper @LINE'), ('before', -1, 'runtime-fail lower @LINE')]:
    body = f'''
static int get(int *COUNT(n) b, int n, int i)
{{
	return *({{ int k = i; b + k; }}); /*@*/
}}
''' + main_calling(f'get(a, 4, {i} + d)')
    case(f'shape-stmt-expr-deref-{pos}', body, exp)
for pos, i, exp in [('last', 3, 'clean "v=4\\n"'), ('one-past', 4, 'runtime-fail upper @LINE')]:
    body = f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int i = {i} + argc - 1;
	(void)argv;
	printf("v=%d\\n", *({{ int *t = a; t += i; t; }})); /*@*/
	return 0;
}}
'''
    case(f'shape-stmt-expr-local-{pos}', body, exp)

# ---- 4. several declarators: `T *p = ..., *q = p + 1;` with p reassigned later (hidden bounds for both)
for pos, k, exp in [('last', 2, 'clean "v=4\\n"'), ('one-past', 3, 'runtime-fail upper @LINE'), ('before', -2, 'runtime-fail lower @LINE')]:
    body = f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int b[8] = {{0}};
	int k = {k} + argc - 1;
	int *p = a, *q = p + 1, *r = q;
	(void)argv;
	printf("v=%d\\n", q[k]); /*@*/
	p = b;
	r = p;
	return p[0] + r[0];
}}
'''
    case(f'shape-declarators-{pos}', body, exp)

# ---- 5. flexible array members: accesses against the count, count writes against the allocation
FAM = '''
#define struct_size(p, member, count) (sizeof(*(p)) + sizeof((p)->member[0]) * (count))
#define GFP_KERNEL 0
static inline void *kmalloc(size_t size, int flags)
{
	(void)flags;
	return malloc(size);
}
struct msg {
	int n;
	int data[] __counted_by(n);
};
'''
def fam_main(alloc, count, index, marks=('', '')):
    return f'''
int main(int argc, char **argv)
{{
	int cap = 4 + argc - 1;
	struct msg *m = {alloc};
	int k;
	(void)argv;
	m->n = {count};{marks[0]}
	for (k = 0; k < m->n; k++)
		m->data[k] = k + 1;
	printf("v=%d\\n", m->data[{index} + argc - 1]);{marks[1]}
	free(m);
	return 0;
}}
'''
allocs = {
    'struct-size': 'malloc(struct_size(m, data, cap))',
    'sizeof-plus': 'malloc(sizeof(*m) + cap * sizeof(int))',
    'calloc': 'calloc(1, sizeof(struct msg) + sizeof(int) * cap)',
    'kmalloc': 'kmalloc(struct_size(m, data, cap), GFP_KERNEL)',
}
for an, alloc in allocs.items():
    case(f'fam-alloc-{an}-last', FAM + fam_main(alloc, 'cap', 3), 'clean "v=4\\n"')
    case(f'fam-alloc-{an}-one-past', FAM + fam_main(alloc, 'cap', 4, ('', ' /*@*/')), 'runtime-fail upper @LINE')
    case(f'fam-alloc-{an}-before', FAM + fam_main(alloc, 'cap', -1, ('', ' /*@*/')), 'runtime-fail lower @LINE')
    case(f'fam-alloc-{an}-count-too-big', FAM + fam_main(alloc, 'cap + 1', 3, (' /*@*/', '')), 'runtime-fail dependent-write @LINE')
case('fam-count-negative', FAM + '''
int main(int argc, char **argv)
{
	struct msg *m = malloc(struct_size(m, data, 4));
	(void)argv;
	m->n = 1 - argc - 1; /*@*/
	printf("v=%d\\n", m->n);
	free(m);
	return 0;
}
''', 'runtime-fail dependent-write @LINE')
for pos, start, exp in [('last', 3, 'clean "v=4\\n"'), ('past', 4, 'runtime-fail dependent-write @LINE')]:
    case(f'fam-count-increment-{pos}', FAM + f'''
int main(int argc, char **argv)
{{
	struct msg *m = malloc(struct_size(m, data, 4));
	(void)argv;
	m->n = {start};
	m->n++; /*@*/
	m->data[m->n - argc] = 4;
	printf("v=%d\\n", m->data[3]);
	free(m);
	return 0;
}}
''', exp)
# From elsewhere (a parameter): the count may only shrink.
for pos, k, exp in [('shrink', 2, 'clean "v=4\\n"'), ('same', 4, 'clean "v=4\\n"'), ('grow', 5, 'runtime-fail dependent-write @LINE')]:
    case(f'fam-param-count-{pos}', FAM + f'''
static void resize(struct msg *m, int k)
{{
	m->n = k; /*@*/
}}
int main(int argc, char **argv)
{{
	struct msg *m = malloc(struct_size(m, data, 4));
	(void)argv;
	m->n = 4;
	m->data[1] = 4;
	resize(m, {k} + argc - 1);
	printf("v=%d\\n", m->data[1]);
	free(m);
	return 0;
}}
''', exp)
# Tail padding: offsetof(data) + k bytes is less than sizeof(struct), yet holds the struct's fields.
for pos, i, exp in [('last', 2, 'clean "v=4\\n"'), ('one-past', 3, 'runtime-fail upper @LINE')]:
    case(f'fam-offsetof-alloc-{pos}', f'''
struct rec {{
	long stamp;
	char len;
	char data[] __counted_by(len);
}};
int main(int argc, char **argv)
{{
	struct rec *r = malloc(offsetof(struct rec, data) + 3);
	(void)argv;
	r->stamp = 1;
	r->len = 3;
	r->data[2] = 4;
	printf("v=%d\\n", r->data[{i} + argc - 1]); /*@*/
	free(r);
	return 0;
}}
''', exp)
# ... also when the size is written out: the allocation still holds one struct's fields.
case('fam-small-alloc-fields', '''
struct rec {
	long stamp;
	char len;
	char data[] __counted_by(len);
};
int main(void)
{
	struct rec *r = malloc(sizeof(long) + sizeof(char) + 3);
	r->stamp = 1;
	r->len = 3;
	r->data[2] = 3;
	printf("v=%d\\n", (int)r->stamp + r->data[2]); /*@*/
	free(r);
	return 0;
}
''', 'clean "v=4\\n"')

# ---- 6. address-taken locals: stores through a local alias keep the hidden bounds right
for pos, k, exp in [('last', 5, 'clean "v=8\\n"'), ('one-past', 6, 'runtime-fail upper @LINE'), ('before', -3, 'runtime-fail lower @LINE')]:
    case(f'addr-taken-moved-{pos}', f'''
int main(int argc, char **argv)
{{
	int a[8] = {{1, 2, 3, 4, 5, 6, 7, 8}};
	int *p = &a[2];
	int **pp = &p;
	(void)argv;
	*pp += {k} + argc - 1;
	printf("v=%d\\n", p[0]); /*@*/
	return 0;
}}
''', exp)
case('addr-taken-task-example', '''
int main(void)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	int *p = &a[2];
	int **pp = &p;
	*pp += 10;
	printf("v=%d\\n", p[0]); /*@*/
	return 0;
}
''', 'runtime-fail upper @LINE')
for pos, i, exp in [('last', 1, 'clean "v=4\\n"'), ('one-past', 2, 'runtime-fail upper @LINE')]:
    case(f'addr-taken-store-{pos}', f'''
int main(int argc, char **argv)
{{
	int a[8] = {{0}};
	int b[2] = {{3, 4}};
	int *p = a;
	int **pp;
	(void)argv;
	pp = &p;
	(*pp)[7] = 1;
	*pp = b;
	printf("v=%d\\n", p[{i} + argc - 1]); /*@*/
	return 0;
}}
''', exp)
for pos, k, exp in [('last', 7, 'clean "v=8\\n"'), ('one-past', 8, 'runtime-fail upper @LINE')]:
    case(f'addr-taken-increment-{pos}', f'''
int main(int argc, char **argv)
{{
	int a[8] = {{1, 2, 3, 4, 5, 6, 7, 8}};
	int *p = a;
	int **pp = &p;
	int k;
	(void)argv;
	for (k = 0; k < {k} + argc - 1; k++)
		(*pp)++;
	printf("v=%d\\n", p[0]); /*@*/
	return 0;
}}
''', exp)
for pos, i, exp in [('last', 5, 'clean "v=8\\n"'), ('one-past', 6, 'runtime-fail upper @LINE')]:
    case(f'addr-taken-read-through-alias-{pos}', f'''
int main(int argc, char **argv)
{{
	int a[8] = {{1, 2, 3, 4, 5, 6, 7, 8}};
	int *p = a;
	int **pp = &p;
	(void)argv;
	*pp += 2;
	printf("v=%d\\n", (*pp)[{i} + argc - 1]); /*@*/
	return 0;
}}
''', exp)
# An address that escapes (out-parameters): no bounds are kept, and no false errors.
case('addr-taken-out-parameters', '''
static void first_of(int *COUNT(n) arr, int n, int **out)
{
	*out = n > 0 ? arr : NULL;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	int x = 0;
	char *end;
	int *p = a;
	long v = strtol("3x", &end, 10);
	sscanf("1", "%d", &x);
	first_of(a, 4, &p);
	printf("v=%ld\\n", v + x + p[0] - 2 + (*end == 'x')); /*@*/
	return 0;
}
''', 'clean "v=4\\n"')

for name, text in cases.items():
    open(os.path.join(OUT, name + '.c'), 'w').write(text)
print(len(cases))
