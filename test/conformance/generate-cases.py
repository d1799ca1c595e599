# Generates the table-driven part of the conformance corpus (cases/*.c):
# families of small programs (annotation x element type x index position,
# each check kind passing and failing, each inference rule, each optimizer
# shape). Each case's first line states the expected outcome; `@LINE` in a
# template is the line marked /*@*/. Run from anywhere: python3 generate-cases.py
import os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases')
cases={}
def case(name, body, expect, header=True, mode=None):
    lines=[]
    if header: lines.append('#include "fgft.h"')
    lines.append('#include <stdio.h>')
    lines.append('#include <stdlib.h>')
    lines.append('#include <string.h>')
    src='\n'.join(lines)+'\n'+body.strip('\n')+'\n'
    # line of marker /*@*/
    sl=src.split('\n')
    mark=[i+2 for i,l in enumerate(sl) if '/*@*/' in l]  # +1 for 1-based, +1 for expect line at top
    exp=expect
    if '@LINE' in exp:
        exp=exp.replace('@LINE', str(mark[0]))
    text='// expect: '+exp+'\n'+src
    assert name not in cases, name
    cases[name]=text

# ---- 1. COUNT family on parameters: spelling x elem type x index position
spellings={
 'count':('int get({T} *COUNT(n) a, int n, int i)', ''),
 'counted_by':('int get({T} *a __counted_by(n), int n, int i)', ''),
 'counted_by_ptr':('int get({T} *a __counted_by_ptr(n), int n, int i)', ''),
 'counted_by_or_null':('int get({T} *a __counted_by_or_null(n), int n, int i)', ''),
}
types=['char','int','long','short']
positions={'first':('0','clean "v=1\\n"'),'last':('N-1','clean "v=4\\n"'),'one-past':('N','runtime-fail upper @LINE'),'before':('-1','runtime-fail lower @LINE'),'far':('N+100','runtime-fail upper @LINE')}
for sp,(sig,_) in spellings.items():
    for T in types:
        for pos,(idx,exp) in positions.items():
            body=f'''
#define N 4
{sig.format(T=T)}
{{
	return (int)a[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	{T} arr[N] = {{1, 2, 3, 4}};
	int i = {idx};
	(void)argv;
	printf("v=%d\\n", get(arr, N, i + argc - 1));
	return 0;
}}
'''
            case(f'param-{sp}-{T}-{pos}', body, exp)

# ---- 2. struct fields counted_by (kernel style) incl. flexible array member
for sp in ['COUNT(len)','__counted_by(len)','__counted_by_ptr(len)']:
    decl = f'unsigned char *buf {sp};' if sp!='COUNT(len)' else 'unsigned char *COUNT(len) buf;'
    for pos,(idx,exp) in {'last':('2','clean "b=9\\n"'),'one-past':('3','runtime-fail upper @LINE'),'before':('-1','runtime-fail lower @LINE')}.items():
        body=f'''
struct pkt {{
	int len;
	{decl}
}};
static int peek(struct pkt *p, int i)
{{
	return p->buf[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	unsigned char b[3] = {{7, 8, 9}};
	struct pkt p = {{ .len = 3, .buf = b }};
	(void)argv;
	printf("b=%d\\n", peek(&p, {idx} + argc - 1));
	return 0;
}}
'''
        case(f'field-{sp.split("(")[0].strip("_")}-{pos}', body, exp)
for pos,(idx,exp) in {'last':('3','clean "d=40\\n"'),'one-past':('4','runtime-fail upper @LINE')}.items():
    body=f'''
struct msg {{
	int n;
	int data[] __counted_by(n);
}};
static int at(struct msg *m, int i)
{{
	return m->data[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	struct msg *m = malloc(sizeof(*m) + 5 * sizeof(int));
	int k;
	(void)argv;
	m->n = 4;
	for (k = 0; k < 4; k++)
		m->data[k] = 10 * (k + 1);
	printf("d=%d\\n", at(m, {idx} + argc - 1));
	free(m);
	return 0;
}}
'''
    case(f'fam-counted_by-{pos}', body, exp)

# ---- 3. local arrays with run-time index, sizes, element types
for T in ['int','char','unsigned long','double']:
    for size in [1,8,33]:
        for pos,(idx,exp) in {'last':(f'{size-1}','clean "ok\\n"'),'one-past':(f'{size}','runtime-fail upper @LINE'),'before':('-1','runtime-fail lower @LINE')}.items():
            body=f'''
int main(int argc, char **argv)
{{
	{T} a[{size}];
	int i = {idx} + argc - 1;
	(void)argv;
	memset(a, 0, sizeof(a));
	a[i] = ({T})1; /*@*/
	puts("ok");
	return 0;
}}
'''
            case(f'local-array-{T.replace(" ","_")}-{size}-{pos}', body, exp)

# ---- 4. constant out of bounds: compile-time errors, and constant in-bounds: clean
for size,idx,ok in [(4,3,True),(4,4,False),(4,-1,False),(16,15,True),(16,16,False),(1,0,True),(1,1,False)]:
    body=f'''
static int table[{size}];
int main(void)
{{
	table[{idx}] = 5; /*@*/
	puts("done");
	return 0;
}}
'''
    case(f'const-index-{size}-{idx if idx>=0 else "m1"}', body, 'clean "done\\n"' if ok else 'compile-error @LINE "out of bounds"')
for n,ok in [(3,True),(4,True),(5,False)]:
    body=f'''
static int sum(const int *COUNT(n) a, int n)
{{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}}
int main(void)
{{
	int a[4] = {{1, 2, 3, 4}};
	printf("%d\\n", sum(a, {n})); /*@*/
	return 0;
}}
'''
    case(f'call-const-count-{n}', body, f'clean "{sum([1,2,3,4][:n])}\\n"' if ok else 'compile-error @LINE "needs 5"')

# ---- 5. call-site checks with run-time counts, memset/memcpy sizes
for n,exp in [(4,'clean "10\\n"'),(5,'runtime-fail call @LINE')]:
    body=f'''
static int sum(const int *COUNT(n) a, int n)
{{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int n = {n} + argc - 1;
	(void)argv;
	printf("%d\\n", sum(a, n)); /*@*/
	return 0;
}}
'''
    case(f'call-runtime-count-{n}', body, exp)
for fn in ['memset','memcpy']:
    for n,exp in [(16,'clean "ok\\n"'),(17,'runtime-fail call @LINE')]:
        call = f'memset(buf, 0, n)' if fn=='memset' else f'memcpy(buf, src, n)'
        body=f'''
static void fill(char *COUNT(len) buf, int len, int n)
{{
	char src[64] = {{0}};
	(void)len;
	(void)src;
	{call}; /*@*/
}}
int main(int argc, char **argv)
{{
	char b[16];
	(void)argv;
	fill(b, 16, {n} + argc - 1);
	puts("ok");
	return 0;
}}
'''
        case(f'{fn}-len-{n}', body, exp)

# ---- 6. pointers into the middle of arrays (inferred bounds of locals)
for off,idx,exp in [(2,0,'clean "v=3\\n"'),(2,3,'clean "v=6\\n"'),(2,4,'runtime-fail upper @LINE'),(2,-2,'clean "v=1\\n"'),(2,-3,'runtime-fail lower @LINE'),(5,0,'clean "v=6\\n"')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[6] = {{1, 2, 3, 4, 5, 6}};
	int *q = a + {off};
	int i = {idx} + argc - 1;
	(void)argv;
	printf("v=%d\\n", q[i]); /*@*/
	return 0;
}}
'''
    case(f'mid-array-{off}-{str(idx).replace("-","m")}', body, exp)
for steps,exp in [(3,'clean "s=6\\n"'),(4,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[3] = {{1, 2, 3}};
	int *p = a;
	int s = 0, k;
	(void)argv;
	for (k = 0; k < {steps} + argc - 1; k++) {{
		s += *p; /*@*/
		p++;
	}}
	printf("s=%d\\n", s);
	return 0;
}}
'''
    case(f'walk-pointer-{steps}', body, exp)

# ---- 7. strings: NTS / NT / NTC / __null_terminated
for sp in ['NTS','NT','__null_terminated']:
    decl = f'const char *{sp} s' if sp!='__null_terminated' else 'const char *s __null_terminated'
    for idx,exp in [(0,'clean "c=104\\n"'),(4,'clean "c=111\\n"'),(5,'clean "c=0\\n"'),(6,'runtime-fail nt-read @LINE')]:
        body=f'''
static int at({decl}, int i)
{{
	return s[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	char buf[16] = "hello";
	(void)argv;
	buf[6] = 'x';
	printf("c=%d\\n", at(buf, {idx} + argc - 1));
	return 0;
}}
'''
        case(f'string-{sp.strip("_")}-read-{idx}', body, exp)
for idx,val,exp in [(1,"'a'",'clean "hallo\\n"'),(5,"'!'",'runtime-fail nt-write @LINE'),(5,'0','clean "hello\\n"')]:
    body=f'''
static void put(char *NTS s, int i, char c)
{{
	s[i] = c; /*@*/
}}
int main(int argc, char **argv)
{{
	char buf[16] = "hello";
	(void)argv;
	put(buf, {idx} + argc - 1, {val});
	buf[15] = 0;
	printf("%.5s\\n", buf);
	return 0;
}}
'''
    case(f'string-write-{idx}-{"zero" if val=="0" else "char"}', body, exp)
for idx,exp in [(2,'clean "c=99\\n"'),(3,'clean "c=100\\n"'),(4,'clean "c=0\\n"'),(5,'runtime-fail nt-read @LINE')]:
    body=f'''
static int at(const char *NTC(3) s, int i)
{{
	return s[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	(void)argv;
	printf("c=%d\\n", at("abcd", {idx} + argc - 1));
	return 0;
}}
'''
    case(f'string-ntc-{idx}', body, exp)
body='''
static unsigned int my_strlen(const char *NTS s)
{
	unsigned int n = 0;
	while (s[n]) /*@*/
		n++;
	return n;
}
int main(void)
{
	printf("%u %u\\n", my_strlen("driver"), my_strlen(""));
	return 0;
}
'''
case('string-strlen', body, 'clean "6 0\\n"')

# ---- 8. NONNULL / OPT / null checks
body='''
static int first(int *NONNULL p)
{
	return *p;
}
int main(void)
{
	printf("%d\\n", first(NULL)); /*@*/
	return 0;
}
'''
case('nonnull-null-constant', body, 'compile-error @LINE "NULL"')
for isnull,exp in [(0,'clean "7\\n"'),(1,'runtime-fail null @LINE')]:
    body=f'''
static int first(int *NONNULL p)
{{
	return *p;
}}
static int *OPT pick(int *OPT p, int which)
{{
	return which ? NULL : p;
}}
int main(int argc, char **argv)
{{
	int x = 7;
	int *OPT q = pick(&x, {isnull} + argc - 1);
	(void)argv;
	printf("%d\\n", first(q)); /*@*/
	return 0;
}}
'''
    case(f'nonnull-opt-arg-{isnull}', body, exp)
for isnull,exp in [(0,'clean "5\\n"'),(1,'runtime-fail null @LINE')]:
    body=f'''
struct dev {{
	int irq;
}};
static int irq_of(struct dev *d)
{{
	return d->irq; /*@*/
}}
int main(int argc, char **argv)
{{
	struct dev x = {{ .irq = 5 }};
	struct dev *d = {isnull} + argc - 1 ? NULL : &x;
	(void)argv;
	printf("%d\\n", irq_of(d));
	return 0;
}}
'''
    case(f'null-field-{isnull}', body, exp)
for isnull,exp in [(0,'clean "9\\n"'),(1,'runtime-fail null @LINE')]:
    body=f'''
static int get(int *SAFE p)
{{
	return *p; /*@*/
}}
int main(int argc, char **argv)
{{
	int x = 9;
	(void)argv;
	printf("%d\\n", get({isnull} + argc - 1 ? NULL : &x));
	return 0;
}}
'''
    case(f'null-safe-deref-{isnull}', body, exp)
body='''
static int *NONNULL pick(int *p)
{
	(void)p;
	return NULL; /*@*/
}
int main(void)
{
	int x = 1;
	printf("%p\\n", (void *)pick(&x));
	return 0;
}
'''
case('nonnull-return-null', body, 'compile-error @LINE "NULL"')
body='''
int main(void)
{
	int *NONNULL p = NULL; /*@*/
	printf("%p\\n", (void *)p);
	return 0;
}
'''
case('nonnull-init-null', body, 'compile-error @LINE "NULL"')

# ---- 9. SAFE arithmetic errors
for expr in ['p + 1','p++','p += 2','p - 1']:
    stmt = f'q = {expr};' if '=' not in expr and '++' not in expr else f'{expr};'
    body=f'''
static int f(int *SAFE p)
{{
	int *q = p;
	{stmt} /*@*/
	return *q;
}}
int main(void)
{{
	int x = 1;
	return f(&x) - 1;
}}
'''
    case(f'safe-arith-{expr.replace(" ","").replace("+","plus").replace("-","minus").replace("=","eq")}', body, 'compile-error @LINE "SAFE"')

# ---- 10. tagged unions WHEN
for tag,field,exp in [(1,'i','clean "v=42\\n"'),(2,'i','runtime-fail union-tag @LINE'),(2,'c','clean "v=120\\n"'),(1,'c','runtime-fail union-tag @LINE')]:
    body=f'''
struct val {{
	int tag;
	union {{
		int i WHEN(tag == 1);
		char c WHEN(tag == 2);
	}} u;
}};
static int get(struct val *v)
{{
	return v->u.{field}; /*@*/
}}
int main(int argc, char **argv)
{{
	struct val v;
	(void)argv;
	v.tag = {tag} + argc - 1;
	if (v.tag == 1)
		v.u.i = 42;
	else
		v.u.c = 'x';
	printf("v=%d\\n", get(&v));
	return 0;
}}
'''
    case(f'when-tag{tag}-{field}', body, exp)

# ---- 11. dependent writes (count of a COUNT pointer)
for newlen,exp in [(2,'clean "len=2\\n"'),(3,'clean "len=3\\n"'),(4,'runtime-fail dependent-write @LINE'),(-1,'runtime-fail dependent-write @LINE')]:
    body=f'''
struct buf {{
	int len;
	char *data COUNT(len);
}};
static void set_len(struct buf *b, int n)
{{
	b->len = n; /*@*/
}}
int main(int argc, char **argv)
{{
	char d[3];
	struct buf b = {{ .len = 3, .data = d }};
	(void)argv;
	set_len(&b, {newlen} + argc - 1);
	printf("len=%d\\n", b.len);
	return 0;
}}
'''
    case(f'dependent-write-{str(newlen).replace("-","m")}', body, exp)
body='''
struct buf {
	int len;
	char *data COUNT(len);
};
static void reinit(struct buf *b, char *COUNT(n) d, int n)
{
	b->data = d;
	b->len = n; /*@*/
}
int main(void)
{
	char d1[3], d2[8];
	struct buf b = { .len = 3, .data = d1 };
	reinit(&b, d2, 8);
	printf("len=%d\\n", b.len);
	return 0;
}
'''
case('dependent-write-reinit-pair', body, 'clean "len=8\\n"')

# ---- 12. count consistency of structs from unannotated code
for ptr,len_,exp in [('d','3','clean "ok\\n"'),('NULL','0','clean "ok\\n"'),('NULL','3','runtime-fail count @LINE'),('d','-1','runtime-fail count @LINE')]:
    body=f'''
struct buf {{
	int len;
	char *data __counted_by(len);
}};
int buf_sum(struct buf *b)
{{ /*@*/
	int s = 0;
	for (int i = 0; i < b->len; i++)
		s += b->data[i];
	return s;
}}
int main(int argc, char **argv)
{{
	char d[3] = {{1, 2, 3}};
	struct buf b;
	(void)argv;
	(void)d;
	b.data = {ptr};
	b.len = {len_} + argc - 1;
	buf_sum(&b);
	puts("ok");
	return 0;
}}
'''
    case(f'count-consistency-{ptr.lower()}-{len_.replace("-","m")}', body, exp)

# ---- 13. BND, __ended_by, SIZE, __sized_by
for idx,exp in [(3,'clean "v=4\\n"'),(4,'runtime-fail upper @LINE'),(-1,'runtime-fail lower @LINE')]:
    body=f'''
static int get(int *BND(lo, hi) p, int *lo, int *hi, int i)
{{
	(void)lo;
	(void)hi;
	return p[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("v=%d\\n", get(a, a, a + 4, {idx} + argc - 1));
	return 0;
}}
'''
    case(f'bnd-{str(idx).replace("-","m")}', body, exp)
    body=f'''
static int get(int *p __ended_by(end), int *end, int i)
{{
	(void)end;
	return p[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("v=%d\\n", get(a, a + 4, {idx} + argc - 1));
	return 0;
}}
'''
    case(f'ended_by-{str(idx).replace("-","m")}', body, exp)
for sp in ['SIZE(bytes)','__sized_by(bytes)']:
    for idx,exp in [(3,'clean "v=4\\n"'),(4,'runtime-fail upper @LINE')]:
        decl = f'int *SIZE(bytes) p' if sp.startswith('SIZE') else 'int *p __sized_by(bytes)'
        body=f'''
static int get({decl}, int bytes, int i)
{{
	(void)bytes;
	return p[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("v=%d\\n", get(a, (int)sizeof(a), {idx} + argc - 1));
	return 0;
}}
'''
        case(f'size-{sp.split("(")[0].strip("_")}-{idx}', body, exp)

# ---- 14. bounds expressions: sibling fields, globals, constants, arithmetic, sizeof, casts
exprs=[('n * 2','struct'),('n + 1','struct'),('(int)(n / 2)','struct'),('n - 1','struct'),('NELEM','global'),('nglobal','global'),('sizeof(long) / sizeof(char)','const')]
for e,kind in exprs:
    for over in [0,1]:
        body=f'''
#define NELEM 6
static int nglobal = 6;
struct ring {{
	int n;
	int *slot COUNT({e});
}};
static int cap(struct ring *r)
{{
	(void)r;
	return {e.replace('n ', 'r->n ').replace('(n ', '(r->n ') if kind=='struct' else e};
}}
static int get(struct ring *r, int i)
{{
	return r->slot[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	int store[32] = {{0}};
	struct ring r = {{ .n = 4, .slot = store }};
	(void)argv;
	(void)nglobal;
	(void)cap;
	printf("v=%d\\n", get(&r, cap(&r) - 1 + {over} + argc - 1));
	return 0;
}}
'''
        case(f'bound-expr-{"".join(ch if ch.isalnum() else {"+":"plus","-":"minus","*":"times","/":"div"}.get(ch,"_") for ch in e)}-{over}', body, 'clean "v=0\\n"' if over==0 else 'runtime-fail upper @LINE')

# ---- 15. integer overflow in bounds arithmetic / index
body='''
static int get(const int *COUNT(n) a, int n, long long i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", get(a, 4, 0x100000000LL));
	return 0;
}
'''
case('overflow-index-wide', body, 'runtime-fail upper @LINE')
body='''
static int get(const int *COUNT(n) a, int n, size_t i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", get(a, 4, (size_t)-1));
	return 0;
}
'''
case('overflow-index-size_t-max', body, 'runtime-fail upper @LINE')
body='''
struct blk {
	unsigned int n;
	char *p COUNT(n * 4u);
};
static int get(struct blk *b, long long i)
{
	return b->p[i]; /*@*/
}
int main(void)
{
	char s[8] = {0};
	struct blk b = { .n = 0x40000000u, .p = s };
	printf("%d\\n", get(&b, 8));
	return 0;
}
'''
case('overflow-count-wraps', body, 'runtime-fail upper @LINE')
body='''
static void zero(char *COUNT(n) p, int n, unsigned long len)
{
	memset(p, 0, len); /*@*/
}
int main(void)
{
	char b[8];
	zero(b, 8, (unsigned long)-1);
	puts("ok");
	return 0;
}
'''
case('overflow-memset-len', body, 'runtime-fail call @LINE')

# ---- 16. escape hatches: TRUSTED, TRUSTEDBLOCK, TC
body='''
static TRUSTED int peek(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trusted-function', body, 'clean "4\\n"')
body='''
static int peek(int *COUNT(n) a, int n, int i)
{
	int v;
	(void)n;
	{ TRUSTEDBLOCK
		v = a[i]; /*@*/
	}
	return v;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trustedblock', body, 'clean "4\\n"')
body='''
static int peek(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return TC(a[i]); /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trusted-cast', body, 'clean "4\\n"')

# An escape hatch covers only what it names: the same access outside it is still checked.
body='''
static TRUSTED int peek_trusted(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return a[i];
}
static int peek(int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek_trusted(a, 2, 3));
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trusted-function-scope', body, 'runtime-fail upper @LINE')
body='''
static int peek(int *COUNT(n) a, int n, int i)
{
	int v;
	{ TRUSTEDBLOCK
		v = a[i];
	}
	v += a[i]; /*@*/
	(void)n;
	return v;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trustedblock-scope', body, 'runtime-fail upper @LINE')
body='''
static int peek(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return TC(a[i]) + a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", peek(a, 2, 3));
	return 0;
}
'''
case('trusted-cast-scope', body, 'runtime-fail upper @LINE')

# ---- 17. optimizer-sensitive shapes that must still catch errors
for cond,idx,exp in [('i < n', 3,'clean "v=4\\n"'),('i < n', 4,'clean "v=-1\\n"'),('i <= n', 4,'runtime-fail upper @LINE'),('i >= 0 && i < n', -1,'clean "v=-1\\n"'),('i < n', -1,'runtime-fail lower @LINE')]:
    body=f'''
static int get(const int *COUNT(n) a, int n, int i)
{{
	if ({cond})
		return a[i]; /*@*/
	return -1;
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("v=%d\\n", get(a, 4, {idx} + argc - 1));
	return 0;
}}
'''
    case(f'cond-{"".join(ch if ch.isalnum() else "_" for ch in cond)}-{str(idx).replace("-","m")}', body, exp)
for lo,hi,exp in [('0','n','clean "s=10\\n"'),('0','n + 1','runtime-fail upper @LINE'),('-1','n','runtime-fail lower @LINE'),('0','m','clean "s=10\\n"'),('1','n','clean "s=9\\n"')]:
    body=f'''
static int sum(const int *COUNT(n) a, int n, int m)
{{
	int s = 0;
	for (int i = {lo}; i < {hi}; i++)
		s += a[i]; /*@*/
	return s + m - m;
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("s=%d\\n", sum(a, 4, 3 + argc));
	return 0;
}}
'''
    case(f'loop-{lo.replace("-","m")}-{"".join(ch if ch.isalnum() else "_" for ch in hi)}', body, exp)
body='''
static int sum(const int *COUNT(n) a, int n, int m)
{
	int s = 0;
	for (int i = 0; i < m; i++) {
		if (i == 2)
			break;
		s += a[i]; /*@*/
	}
	return s + n - n;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("s=%d\\n", sum(a, 4, 100));
	return 0;
}
'''
case('loop-early-break', body, 'clean "s=3\\n"')
body='''
static int twice(const int *COUNT(n) a, int n, int i)
{
	int x = a[i]; /*@*/
	int y = a[i];
	return x + y + n - n;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\\n", twice(a, 4, 4 + argc - 1));
	return 0;
}
'''
case('dominating-first-fails', body, 'runtime-fail upper @LINE')

# ---- 18. unannotated programs: unchanged, same behaviour
plain = {
'plain-loop':('int main(void)\n{\n\tint a[5], s = 0;\n\tfor (int i = 0; i < 5; i++)\n\t\ta[i] = i * i;\n\tfor (int i = 0; i < 5; i++)\n\t\ts += a[i];\n\tprintf("%d\\n", s);\n\treturn 0;\n}\n','30'),
'plain-struct':('struct p { int x, y; };\nstatic int f(struct p *q) { return q->x * q->y; }\nint main(void)\n{\n\tstruct p v = { 6, 7 };\n\tprintf("%d\\n", f(&v));\n\treturn 0;\n}\n','42'),
'plain-string':('static int count(const char *s, char c)\n{\n\tint n = 0;\n\tfor (; *s; s++)\n\t\tn += *s == c;\n\treturn n;\n}\nint main(void)\n{\n\tprintf("%d\\n", count("banana", \'a\'));\n\treturn 0;\n}\n','3'),
'plain-pointer-arith':('int main(void)\n{\n\tint a[4] = { 1, 2, 3, 4 };\n\tint *p = a + 1, *e = a + 4, s = 0;\n\twhile (p < e)\n\t\ts += *p++;\n\tprintf("%d\\n", s);\n\treturn 0;\n}\n','9'),
'plain-malloc':('int main(void)\n{\n\tint *p = malloc(10 * sizeof(*p));\n\tint s = 0;\n\tfor (int i = 0; i < 10; i++)\n\t\tp[i] = i;\n\tfor (int i = 0; i < 10; i++)\n\t\ts += p[i];\n\tfree(p);\n\tprintf("%d\\n", s);\n\treturn 0;\n}\n','45'),
'plain-union':('union u { int i; float f; };\nint main(void)\n{\n\tunion u x;\n\tx.i = 5;\n\tprintf("%d\\n", x.i);\n\treturn 0;\n}\n','5'),
'plain-fnptr':('static int add(int a, int b) { return a + b; }\nint main(void)\n{\n\tint (*f)(int, int) = add;\n\tprintf("%d\\n", f(2, 3));\n\treturn 0;\n}\n','5'),
'plain-gnu':('#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })\nstruct __attribute__((packed)) s { char c; int i; };\nint main(void)\n{\n\tstruct s v = { 1, 2 };\n\tprintf("%d %zu\\n", max(v.c, v.i), sizeof(struct s));\n\treturn 0;\n}\n','2 5'),
'plain-2d':('int main(void)\n{\n\tint m[3][3] = { {1,2,3}, {4,5,6}, {7,8,9} };\n\tint t = 0;\n\tfor (int i = 0; i < 3; i++)\n\t\tt += m[i][i];\n\tprintf("%d\\n", t);\n\treturn 0;\n}\n','15'),
'plain-strcpy':('int main(void)\n{\n\tchar b[16];\n\tstrcpy(b, "abc");\n\tstrcat(b, "def");\n\tprintf("%s %zu\\n", b, strlen(b));\n\treturn 0;\n}\n','abcdef 6'),
}
for name,(src,out) in plain.items():
    case(name, src, f'unchanged "{out}\\n"', header=False)


# ==== second batch: flows into annotated pointers, allocations, strings, modes
more = {}
def case2(name, body, expect, header=True, mode=None):
    case(name, body, expect, header)
    if mode:
        cases[name] = cases[name] + f'// fail-mode: {mode}\n'

body='''
struct vec {
	int *COUNT(4) v;
};
int main(void)
{
	int a[3] = {1, 2, 3};
	struct vec x;
	x.v = a; /*@*/
	printf("%d\\n", x.v[0]);
	return 0;
}
'''
case2('assign-const-too-small', body, 'compile-error @LINE "claims 4"')
for n,exp in [(3,'clean "1\\n"'),(4,'runtime-fail assign @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[3] = {{1, 2, 3}};
	int n = {n} + argc - 1;
	int *COUNT(n) p = a; /*@*/
	(void)argv;
	printf("%d\\n", p[0]);
	return 0;
}}
'''
    case2(f'assign-init-runtime-{n}', body, exp)
for alloc in ['malloc(n * sizeof(int))','calloc(n, sizeof(int))','my_alloc(n * sizeof(int))']:
    for idx,exp in [('n - 1','clean "ok\\n"'),('n','runtime-fail upper @LINE')]:
        tag = alloc.split('(')[0]
        body=f'''
static void *my_alloc(size_t sz) DALLOC(sz);
static void *my_alloc(size_t sz)
{{
	return malloc(sz);
}}
int main(int argc, char **argv)
{{
	int n = 5 + argc - 1;
	int *p = {alloc};
	int i = {idx};
	(void)argv;
	(void)my_alloc;
	if (!p)
		return 1;
	p[i] = 1; /*@*/
	free(p);
	puts("ok");
	return 0;
}}
'''
        case2(f'infer-alloc-{tag}-{"last" if idx=="n - 1" else "one-past"}', body, exp)
for k,exp in [('n','clean "ok\\n"'),('n + 1','runtime-fail ptr-arith @LINE'),('0','clean "ok\\n"')]:
    body=f'''
static int *end_of(int *COUNT(n) a, int n, int extra)
{{
	return a + ({k} + extra); /*@*/
}}
int main(int argc, char **argv)
{{
	int a[4];
	(void)argv;
	(void)end_of(a, 4, argc - 1);
	puts("ok");
	return 0;
}}
'''
    case2(f'ptr-arith-{"".join(ch if ch.isalnum() else "_" for ch in k)}', body, exp)
body='''
static unsigned int walk_len(const char *NTS s)
{
	unsigned int n = 0;
	while (*s) {
		s++; /*@*/
		n++;
	}
	return n;
}
int main(void)
{
	printf("%u\\n", walk_len("fgftc!"));
	return 0;
}
'''
case2('string-walk', body, 'clean "6\\n"')
for k,exp in [(5,'clean "0\\n"'),(7,'runtime-fail nt-read @LINE')]:
    body=f'''
static int skip(const char *NTS s, int k)
{{
	const char *NTS t = s + k; /*@*/
	return t == s;
}}
int main(int argc, char **argv)
{{
	char buf[16] = "hello";
	(void)argv;
	buf[6] = 'x';
	printf("%d\\n", skip(buf, {k} + argc - 1));
	return 0;
}}
'''
    case2(f'string-skip-{k}', body, exp)
for idx,exp in [(1,'clean "v=2\\n"'),(2,'runtime-fail upper @LINE')]:
    body=f'''
struct desc {{
	unsigned short n;
	unsigned char *data __counted_by_le(n);
}};
static int get(struct desc *d, int i)
{{
	return d->data[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	unsigned char b[2] = {{1, 2}};
	struct desc d = {{ .n = 2, .data = b }};
	(void)argv;
	printf("v=%d\\n", get(&d, {idx} + argc - 1));
	return 0;
}}
'''
    case2(f'counted_by_le-{idx}', body, exp)
body='''
static int sum(const int *COUNT(n) a, int n, int m)
{
	int s = 0;
	for (int i = 0; i < m; i++)
		s += a[i]; /*@*/
	return s + n - n;
}
int main(void)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	printf("s=%d\\n", sum(a, 4, 4));
	printf("s=%d\\n", sum(a, 4, 6));
	printf("s=%d\\n", sum(a, 4, 8));
	return 0;
}
'''
case2('log-mode-continues', body, 'logged upper @LINE "s=10\\ns=21\\ns=36\\n"', mode='log')
body='''
#include "fgft_check.h"
#include <setjmp.h>
static jmp_buf again;
static void on_failure(const struct fgft_check_failure *f)
{
	printf("recovered from %s at line %d\\n", fgft_check_kind_name(f->kind), f->line);
	longjmp(again, 1);
}
static int get(const int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[2] = {5, 6};
	fgft_check_failed_hook = on_failure;
	if (setjmp(again)) {
		puts("back in main");
		return 0;
	}
	printf("%d\\n", get(a, 2, 1));
	printf("%d\\n", get(a, 2, 2));
	return 1;
}
'''
case2('recover-mode-hook', body, 'clean "6\\nrecovered from upper at line @LINE\\nback in main\\n"', mode='recover')
body='''
static int get(const int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[2] = {5, 6};
	printf("%d\\n", get(a, 2, 1));
	printf("%d\\n", get(a, 2, 2));
	return 0;
}
'''
case2('recover-mode-no-hook-aborts', body, 'runtime-fail upper @LINE', mode='recover')


# ==== third batch: Deputy memory markers, unknown locals
for n,exp in [(8,'clean "ok\\n"'),(9,'runtime-fail call @LINE')]:
    body=f'''
static void my_zero(void *p, int c, size_t n) DMEMSET(p, c, n);
static void my_zero(void *SIZE(n) p, int c, size_t n)
{{
	memset(p, c, n);
}}
static void clear(char *COUNT(len) buf, int len, size_t n)
{{
	(void)len;
	my_zero(buf, 0, n); /*@*/
}}
int main(int argc, char **argv)
{{
	char b[8];
	(void)argv;
	clear(b, 8, {n} + (size_t)argc - 1);
	puts("ok");
	return 0;
}}
'''
    case(f'dmemset-{n}', body, exp)
for isnull,exp in [(0,'clean "c=l\\n"'),(1,'runtime-fail null @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	const char *s = "hello";
	const char *p = {isnull} + argc - 1 ? strchr(s, 'z') : strchr(s, 'l');
	(void)argv;
	printf("c=%c\\n", *p); /*@*/
	return 0;
}}
'''
    case(f'unknown-local-null-{isnull}', body, exp)

# ==== fourth batch: casts, returns, more inference rules, strings, 2-D arrays
for idx,exp in [(15,'clean "ok\\n"'),(16,'runtime-fail upper @LINE')]:
    body=f'''
static void poke(int *COUNT(n) words, int n, int i)
{{
	unsigned char *bytes = (unsigned char *)words;
	((unsigned char *)words)[i] = 0xff; /*@*/
	(void)bytes;
	(void)n;
}}
int main(int argc, char **argv)
{{
	int w[4] = {{0}};
	(void)argv;
	poke(w, 4, {idx} + argc - 1);
	puts("ok");
	return 0;
}}
'''
    case(f'cast-bytes-{idx}', body, exp)
for n,exp in [(4,'clean "4\\n"'),(5,'runtime-fail assign @LINE')]:
    body=f'''
static int store[4] = {{1, 2, 3, 4}};
static int *COUNT(n) window(int n)
{{
	return store; /*@*/
}}
int main(int argc, char **argv)
{{
	(void)argv;
	printf("%d\\n", window({n} + argc - 1)[3]);
	return 0;
}}
'''
    case(f'return-count-{n}', body, exp)
body='''
static int *COUNT(8) window(void)
{
	static int store[4];
	return store; /*@*/
}
int main(void)
{
	printf("%d\\n", window()[0]);
	return 0;
}
'''
case('return-count-const', body, 'compile-error @LINE "declared COUNT(8)"')
for k,exp in [(1,'clean "arg=x\\n"'),(2,'clean "null\\n"'),(3,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int k = {k} + argc - 2;
	const char *a = argv[k]; /*@*/
	printf("%s\\n", a ? "arg=x" : "null");
	return 0;
}}
'''
    case(f'main-argv-{k}', body, exp)
for idx,exp in [(3,'clean "c=0\\n"'),(4,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int i = {idx} + argc - 1;
	(void)argv;
	printf("c=%d\\n", "abc"[i]); /*@*/
	return 0;
}}
'''
    case(f'string-literal-{idx}', body, exp)
body='''
int main(void)
{
	printf("%d\\n", "abc"[4]); /*@*/
	return 0;
}
'''
case('string-literal-const', body, 'compile-error @LINE "out of bounds"')
for k,i,exp in [(2,1,'clean "v=4\\n"'),(2,2,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int *q = &a[{k}];
	int i = {i} + argc - 1;
	(void)argv;
	printf("v=%d\\n", q[i]); /*@*/
	return 0;
}}
'''
    case(f'address-of-element-{k}-{i}', body, exp)
for steps,exp in [(3,'clean "s=6\\n"'),(4,'runtime-fail lower @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[3] = {{1, 2, 3}};
	int *p = a + 2;
	int s = 0;
	(void)argv;
	for (int k = 0; k < {steps} + argc - 1; k++) {{
		s += *p; /*@*/
		p--;
	}}
	printf("s=%d\\n", s);
	return 0;
}}
'''
    case(f'walk-backwards-{steps}', body, exp)
for i,j,exp in [(2,3,'clean "v=0\\n"'),(3,0,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int m[3][4] = {{{{0}}}};
	int i = {i} + argc - 1, j = {j};
	(void)argv;
	printf("v=%d\\n", m[i][j]); /*@*/
	return 0;
}}
'''
    case(f'two-dim-{i}-{j}', body, exp)
for tc,exp in [(True,'clean "10\\n"'),(False,'compile-error @LINE "needs 4"')]:
    arg = 'TC(p)' if tc else 'p'
    body=f'''
static int sum(const int *COUNT(n) a, int n)
{{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}}
static int sum4(int *p)
{{
	return sum({arg}, 4); /*@*/
}}
int main(void)
{{
	int a[4] = {{1, 2, 3, 4}};
	printf("%d\\n", sum4(a));
	return 0;
}}
'''
    case(f'trusted-cast-argument-{"tc" if tc else "plain"}', body, exp)

# ==== fifth batch: hidden bounds variables (a local pointing into different objects)
for which,idx,exp in [('a',3,'clean "v=4\\n"'),('a',4,'runtime-fail upper @LINE'),('b',1,'clean "v=6\\n"'),('b',2,'runtime-fail upper @LINE')]:
    body=f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}}, b[2] = {{5, 6}};
	int *p = a;
	int i = {idx} + argc - 1;
	(void)argv;
	(void)b;
	if (argc == 1)
		p = {which};
	printf("v=%d\\n", p[i]); /*@*/
	return 0;
}}
'''
    case(f'hidden-bounds-{which}-{idx}', body, exp)
for n,exp in [(3,'clean "s=6\\n"'),(4,'runtime-fail upper @LINE')]:
    body=f'''
struct node {{
	int len;
	int *vals COUNT(len);
}};
int main(int argc, char **argv)
{{
	int x[3] = {{1, 2, 3}}, y[1] = {{9}};
	struct node n1 = {{ .len = 3, .vals = x }}, n2 = {{ .len = 1, .vals = y }};
	const int *cur;
	int s = 0;
	(void)argv;
	(void)n2;
	cur = y;
	for (cur = n1.vals; s >= 0; cur = n1.vals) {{
		for (int k = 0; k < {n} + argc - 1; k++)
			s += cur[k]; /*@*/
		break;
	}}
	printf("s=%d\\n", s);
	return 0;
}}
'''
    case(f'hidden-bounds-for-{n}', body, exp)

# ==== sixth batch: moving a counted pointer (clang -fbounds-safety: the count moves with it)
for k,exp in [(4,'clean "s=10\\n"'),(5,'runtime-fail ptr-arith @LINE')]:
    body=f'''
static int sum(const int *COUNT(n) p, int n, int steps)
{{
	int s = 0;
	while (steps-- > 0) {{
		s += n > 0 ? p[0] : 0;
		p++; /*@*/
		n--;
	}}
	return s;
}}
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	(void)argv;
	printf("s=%d\\n", sum(a, 4, {k} + argc - 1));
	return 0;
}}
'''
    case(f'counted-pointer-moves-{k}', body, exp)
body='''
static int second(const int *COUNT(n) p, int n)
{
	p++; /*@*/
	return p[0] + n;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\\n", second(a, 4));
	return 0;
}
'''
case('counted-pointer-moves-alone', body, 'compile-error @LINE "without updating its count"')

# ==== seventh batch: the rest of the vocabulary
for idx,exp in [(3,'clean "v=4\\n"'),(4,'runtime-fail upper @LINE')]:
    for sp in ['SEQ','FSEQ']:
        body=f'''
int main(int argc, char **argv)
{{
	int a[4] = {{1, 2, 3, 4}};
	int *{sp} q = a;
	int i = {idx} + argc - 1;
	(void)argv;
	printf("v=%d\\n", q[i]); /*@*/
	return 0;
}}
'''
        case(f'deputy-{sp.lower()}-{idx}', body, exp)
body='''
struct cfg {
	int n ASSUMECONST;
	int *vals COUNT(n);
};
static void grow(struct cfg *c)
{
	c->n = c->n + 1; /*@*/
}
int main(void)
{
	int v[8] = {0};
	struct cfg c = { .n = 4, .vals = v };
	grow(&c);
	printf("n=%d\\n", c.n);
	return 0;
}
'''
case('deputy-assumeconst', body, 'clean "n=5\\n"')

# ASSUMECONST lifts the dependent-write check, not the bound: accesses still use the count.
for idx,exp in [(3,'clean "v=4\\n"'),(4,'runtime-fail upper @LINE')]:
    body=f'''
struct cfg {{
	int n ASSUMECONST;
	int *vals COUNT(n);
}};
int main(int argc, char **argv)
{{
	int v[8] = {{1, 2, 3, 4, 5, 6, 7, 8}};
	struct cfg c = {{ .n = 4, .vals = v }};
	int i = {idx} + argc - 1;
	(void)argv;
	printf("v=%d\\n", c.vals[i]); /*@*/
	return 0;
}}
'''
    case(f'deputy-assumeconst-access-{idx}', body, exp)
body='''
static void *POLY ident(void *TP(t) p)
{
	return p;
}
int main(void)
{
	int x = 7;
	int *p = ident(&x); /*@*/
	printf("%d\\n", *p);
	return 0;
}
'''
case('deputy-poly', body, 'clean "7\\n"')
for n,idx,exp in [(8,7,'clean "ok\\n"'),(8,8,'runtime-fail upper @LINE')]:
    body=f'''
static void *grow(void *p, size_t sz) DREALLOC(p, sz);
static void *grow(void *p, size_t sz)
{{
	return realloc(p, sz);
}}
static void release(void *p) DFREE(p);
static void release(void *p)
{{
	free(p);
}}
int main(int argc, char **argv)
{{
	int *p = malloc(4 * sizeof(int));
	int i = {idx} + argc - 1;
	(void)argv;
	p = grow(p, {n} * sizeof(int));
	if (!p)
		return 1;
	p[i] = 1; /*@*/
	release(p);
	puts("ok");
	return 0;
}}
'''
    case(f'deputy-drealloc-{idx}', body, exp)
for fn,call,n,exp in [('DMEMCPY(d, s, n)','my_copy(buf, src, n)',8,'clean "ok\\n"'),('DMEMCPY(d, s, n)','my_copy(buf, src, n)',9,'runtime-fail call @LINE'),('DMEMCMP(d, s, n)','(void)my_cmp(buf, src, n)',8,'clean "ok\\n"'),('DMEMCMP(d, s, n)','(void)my_cmp(buf, src, n)',9,'runtime-fail call @LINE')]:
    name = 'my_copy' if 'CPY' in fn else 'my_cmp'
    ret = 'void' if 'CPY' in fn else 'int'
    bodyfn = 'memmove(d, s, n);' if 'CPY' in fn else 'return memcmp(d, s, n);'
    body=f'''
static {ret} {name}(void *d, const void *s, size_t n) {fn};
static {ret} {name}(void *SIZE(n) d, const void *SIZE(n) s, size_t n)
{{
	{bodyfn}
}}
int main(int argc, char **argv)
{{
	char buf[8] = {{0}}, src[16] = {{0}};
	size_t n = {n} + (size_t)argc - 1;
	(void)argv;
	{call}; /*@*/
	puts("ok");
	return 0;
}}
'''
    case(f'deputy-{name.replace("my_","")}-{n}', body, exp)
body='''
static int first(const char *NTS s)
{
	return s[0];
}
static int last(const char *COUNT(n) p, int n)
{
	return n > 0 ? p[n - 1] : 0;
}
int main(void)
{
	const char *NTS s = "ab";
	printf("%d %d\\n", first(NTEXPAND(s)), last(NTDROP(NTEXPAND(s)), 2)); /*@*/
	return 0;
}
'''
case('deputy-ntdrop-ntexpand', body, 'clean "97 98\\n"')
for idx,exp in [(2,'clean "c=0\\n"'),(3,'runtime-fail nt-read @LINE')]:
    body=f'''
static int at(const char *SNT s, int i)
{{
	return s[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	char b[8] = "hi";
	(void)argv;
	b[3] = 'z';
	printf("c=%d\\n", at(b, {idx} + argc - 1));
	return 0;
}}
'''
    case(f'deputy-snt-{idx}', body, exp)
for sp,ptr,n,exp in [('__counted_by_or_null(n)','NULL',3,'clean "ok\\n"'),('__counted_by(n)','NULL',3,'runtime-fail count @LINE'),('__counted_by(n)','NULL',0,'clean "ok\\n"'),('__sized_by_or_null(n)','NULL',3,'clean "ok\\n"'),('__sized_by(n)','NULL',3,'runtime-fail count @LINE')]:
    body=f'''
int use(int *p {sp}, int n)
{{ /*@*/
	return p ? p[0] : n;
}}
int main(int argc, char **argv)
{{
	(void)argv;
	(void)use({ptr}, {n} + argc - 1);
	puts("ok");
	return 0;
}}
'''
    case(f'modern-{sp.split("(")[0].strip("_")}-{ptr.lower()}-{n}', body, exp)
for idx,exp in [(1,'clean "v=2\\n"'),(2,'runtime-fail upper @LINE')]:
    body=f'''
struct desc {{
	unsigned short n_be;
	unsigned char *data __counted_by_be(n_be);
}};
static int get(struct desc *d, int i)
{{
	return d->data[i]; /*@*/
}}
int main(int argc, char **argv)
{{
	unsigned char b[2] = {{1, 2}};
	struct desc d = {{ .n_be = 0x0200, .data = b }};
	(void)argv;
	printf("v=%d\\n", get(&d, {idx} + argc - 1));
	return 0;
}}
'''
    case(f'counted_by_be-{idx}', body, exp)

# ==== eighth batch: locals pointing into a counted field (issue 3): the local gets
# hidden bounds from what is assigned to it, so moving it and dereferencing it are
# checked. Each shape runs in bounds (clean) and one past the end (caught); `k`
# reaches the last element with 1 and one past it with 2, from index 2 of 4.
RING='''
struct buf {
	int len;
};
struct ring {
	unsigned int count;
	struct buf *COUNT(count) info;
};
'''
ring_main='''
int main(int argc, char **argv)
{{
	struct buf bufs[4] = {{ {{1}}, {{2}}, {{3}}, {{4}} }};
	struct ring r = {{ .count = 4, .info = bufs }};
	int k = {k} + argc - 1;
	(void)argv;
	printf("v=%d\\n", f(&r, 2, k));
	return 0;
}}
'''
local_shapes={
 # name: function body (the marked line is the access that leaves the array when k == 2), output when k == 1
 'plus-arrow': ('''	struct buf *b;
	b = &r->info[i];
	(b + k)->len = 5; /*@*/
	return b->len + r->info[3].len;''', '8'),
 'index': ('''	struct buf *b;
	b = &r->info[i];
	return b[k].len; /*@*/''', '4'),
 'plus-star': ('''	struct buf *b;
	b = r->info + i;
	return (*(b + k)).len; /*@*/''', '4'),
 'plus-assign': ('''	struct buf *b;
	b = &r->info[i];
	b += k;
	return b->len; /*@*/''', '4'),
 'declaration': ('''	struct buf *b = &r->info[i];
	return b[k].len; /*@*/''', '4'),
 'another-local': ('''	struct buf *b, *c;
	b = &r->info[i];
	c = b;
	return c[k].len; /*@*/''', '4'),
 'in-loop': ('''	struct buf *b;
	int s = 0;
	for (unsigned int j = 0; j < 2; j++) {
		b = &r->info[i + j - 1];
		s = (b + k)->len; /*@*/
	}
	return s;''', '4'),
 'same-name': ('''	struct buf *info;
	info = &r->info[i];
	return info[k].len; /*@*/''', '4'),
 'for-declaration': ('''	int s = 0;
	for (struct buf *p = &r->info[i]; p <= r->info + i + k; p++)
		s = p->len; /*@*/
	return s;''', '4'),
 'statement-expression': ('''	struct buf *b;
	b = ({ struct buf *t; if (k > 5) t = &r->info[0]; else t = &r->info[i]; t; });
	return b[k].len; /*@*/''', '4'),
 'increment': ('''	struct buf *p;
	int s = 0;
	for (p = &r->info[i]; p <= r->info + i + k; p++)
		s = p->len; /*@*/
	return s;''', '4'),
}
for shape,(stmts,out) in local_shapes.items():
    for k,exp in [(1,f'clean "v={out}\\n"'),(2,'runtime-fail upper @LINE')]:
        body=RING+f'''
static int f(struct ring *NONNULL r, unsigned int i, int k)
{{
{stmts}
}}
'''+ring_main.format(k=k)
        case(f'local-into-field-{shape}-{"last" if k == 1 else "one-past"}', body, exp)
# Pointer arithmetic on such a local may reach one past the end (k = 1: b + 2 from index 2), not beyond.
for k,exp in [(1,'clean "v=5\\n"'),(2,'runtime-fail ptr-arith @LINE')]:
    body=RING+'''
static int f(struct ring *NONNULL r, unsigned int i, int k)
{
	struct buf *b, *e;
	b = &r->info[i];
	e = b + (k + 1); /*@*/
	return (int)(e - b) + b->len;
}
'''+ring_main.format(k=k)
    case(f'local-into-field-arith-{"one-past" if k == 1 else "beyond"}', body, exp)
# The address of one object (&x, &s->f) bounds a local to that object: the neighbour is out of it.
for k,exp in [(0,'clean "v=3\\n"'),(1,'runtime-fail upper @LINE')]:
    body='''
struct stats {
	int rx, tx;
};
struct adapter {
	struct stats stats;
	int spare[2];
};
static int f(struct adapter *NONNULL a, int k)
{
	struct stats *s = &a->stats;
	(s + k)->tx = 3; /*@*/
	return a->stats.tx;
}
int main(int argc, char **argv)
{{
	struct adapter a = {{ {{ 1, 2 }}, {{ 0, 0 }} }};
	(void)argv;
	printf("v=%d\\n", f(&a, {k} + argc - 1));
	return 0;
}}
'''.replace('{{','{').replace('}}','}').replace('{k}',str(k))
    case(f'local-address-of-field-{"same" if k == 0 else "neighbour"}', body, exp)
# ... and below the array: b[-k] from index 1 (k = 1: the first element; 2: one before).
for k,exp in [(1,'clean "v=1\\n"'),(2,'runtime-fail lower @LINE')]:
    body=RING+'''
static int f(struct ring *NONNULL r, unsigned int i, int k)
{
	struct buf *b;
	(void)i;
	b = &r->info[1];
	return b[-k].len; /*@*/
}
'''+ring_main.format(k=k)
    case(f'local-into-field-minus-{"first" if k == 1 else "before"}', body, exp)
for name,text in cases.items():
    open(os.path.join(OUT, name+'.c'),'w').write(text)
print(len(cases))
