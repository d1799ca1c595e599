// Entry-point detection and stub generation, one table row per cause and per
// return-type kind. Sources go through gcc -E, the stubs pass, and back
// through gcc -Wall -Wextra -Werror, so every expectation is about C that builds.
import { describe, expect, it } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import { describeEntryPoints } from '../../compiler/passes/stubs/listing.js';
import { cflags, gcc, preprocess, repo, scratchDir, stubify, writeLatin1 } from './helpers.js';

const prologue = `#include <fgft.h>
struct net_device; struct sk_buff; struct timer_list; struct work_struct;
typedef enum netdev_tx { NETDEV_TX_OK = 0, NETDEV_TX_BUSY = 0x10 } netdev_tx_t;
typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);
struct work_struct { void (*func)(struct work_struct *); };
#define INIT_WORK(w, f) ((w)->func = (f))
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#define module_init(fn) initcall_t fgft_module_initcall = fn
#define module_exit(fn) exitcall_t fgft_module_exitcall = fn
struct net_device_ops { int (*ndo_open)(struct net_device *); netdev_tx_t (*ndo_start_xmit)(struct sk_buff *, struct net_device *); };
`;

interface DetectCase {
  name: string;
  source: string;
  expected: Record<string, string>; // function -> "status cause[,cause]"
}

const detectCases: DetectCase[] = [
  {
    name: 'ops table with designated initialisers',
    source: `static int d_open(struct net_device *n) { (void)n; return 0; }
static netdev_tx_t d_xmit(struct sk_buff *s, struct net_device *n) { (void)s; (void)n; return NETDEV_TX_OK; }
const struct net_device_ops d_ops = { .ndo_open = d_open, .ndo_start_xmit = &d_xmit };`,
    expected: { d_open: 'stub ops-table', d_xmit: 'stub ops-table' },
  },
  {
    name: 'positional ops table',
    source: `static int d_open(struct net_device *n) { (void)n; return 0; }
const struct net_device_ops d_ops = { d_open, 0 };`,
    expected: { d_open: 'stub ops-table' },
  },
  {
    name: 'registration calls: request_irq and timer_setup',
    source: `static irqreturn_t d_intr(int irq, void *p) { (void)irq; (void)p; return IRQ_HANDLED; }
static void d_timer(struct timer_list *t) { (void)t; }
int d_start(struct timer_list *t) { timer_setup(t, d_timer, 0); return request_irq(3, d_intr, 0, "d", 0); }`,
    expected: { d_intr: 'stub registration', d_timer: 'stub registration' },
  },
  {
    name: 'address stored by a macro expansion (INIT_WORK)',
    source: `static void d_work(struct work_struct *w) { (void)w; }
void d_setup(struct work_struct *w) { INIT_WORK(w, d_work); }`,
    expected: { d_work: 'stub address-stored' },
  },
  {
    name: 'module_init and module_exit as the shim expands them',
    source: `static int d_init(void) { return 0; }
static void d_exit(void) { }
module_init(d_init);
module_exit(d_exit);`,
    expected: { d_init: 'stub module-init', d_exit: 'stub module-exit' },
  },
  {
    name: 'ENTRY marks, NOENTRY excludes',
    source: `ENTRY int d_debug(int x) { return x; }
static int NOENTRY d_open(struct net_device *n) { (void)n; return 0; }
const struct net_device_ops d_ops = { .ndo_open = d_open };`,
    expected: { d_debug: 'stub annotation', d_open: 'excluded ops-table' },
  },
  {
    name: 'calls between driver functions are not registrations',
    source: `static int d_helper(int (*f)(int), int x) { return f(x); }
static int d_twice(int x) { return 2 * x; }
int d_run(void) { return d_helper(d_twice, 1); }`,
    expected: {},
  },
  {
    name: 'declared here, defined elsewhere; variadic cannot be stubbed',
    source: `int d_other(struct net_device *n);
static int d_log(struct net_device *n, ...) { (void)n; return 0; }
const struct net_device_ops d_ops = { .ndo_open = d_other };
void d_reg(void) { request_irq(1, (irq_handler_t)d_log, 0, "x", 0); }`,
    expected: { d_other: 'defined-elsewhere ops-table', d_log: 'not-stubbable registration' },
  },
];

describe('entry-point detection', () => {
  it.each(detectCases)('$name', ({ source, expected }) => {
    const dir = scratchDir();
    const text = preprocess(prologue + source, dir);
    const views = describeEntryPoints(parseTranslationUnit(`${dir}/drv.c`, text));
    const got: Record<string, string> = {};
    for (const v of views) got[v.name] = `${v.status} ${[...new Set(v.reasons.map((r) => r.cause))].join(',')}`;
    expect(got).toEqual(expected);
  });
});

interface FailCase {
  name: string;
  definition: string; // an entry point named f, put in an ops table by the test
  fails: string; // the failure return statement the stub must contain
}

const failCases: FailCase[] = [
  { name: 'int -> -EIO', definition: 'int f(int a) { return a; }', fails: 'return -5; /* -EIO */' },
  { name: 'void -> nothing', definition: 'void f(int *a) { *a = 0; }', fails: 'return; /* nothing */' },
  { name: 'pointer -> NULL', definition: 'char *f(char *a) { return a; }', fails: 'return ((void *)0); /* NULL */' },
  {
    name: 'netdev_tx_t -> NETDEV_TX_BUSY',
    definition: 'netdev_tx_t f(struct sk_buff *s) { (void)s; return NETDEV_TX_OK; }',
    fails: 'return (netdev_tx_t)NETDEV_TX_BUSY; /* NETDEV_TX_BUSY */',
  },
  {
    name: 'NETDEV_TX_BUSY: the stack keeps the skb, recovery must not free it',
    definition: 'netdev_tx_t f(struct sk_buff *skb, struct net_device *n) { (void)skb; (void)n; return NETDEV_TX_OK; }',
    fails: 'kr_driver_failed_keep(skb); /* the caller keeps it */',
  },
  { name: 'irqreturn_t -> IRQ_NONE', definition: 'irqreturn_t f(int i) { (void)i; return IRQ_HANDLED; }', fails: 'return (irqreturn_t)IRQ_NONE; /* IRQ_NONE */' },
  { name: 'unsigned -> 0', definition: 'unsigned int f(int i) { return (unsigned int)i; }', fails: 'return 0; /* zero */' },
  { name: 'long -> -EIO', definition: 'static long f(long i) { return i; }', fails: 'return -5; /* -EIO */' },
  { name: 'typedef of int -> -EIO', definition: 'typedef int status_t; status_t f(int i) { return i; }', fails: 'return -5; /* -EIO */' },
  {
    name: 'struct by value -> all zero',
    definition: 'struct pair { int a, b; }; struct pair f(int i) { struct pair p = { i, i }; return p; }',
    fails: 'return (struct pair){0}; /* all zero */',
  },
  { name: 'function pointer -> NULL', definition: 'static int g(int x) { return x; } int (*f(void))(int) { return g; }', fails: 'return ((void *)0); /* NULL */' },
  { name: 'KR_FAIL overrides', definition: 'int KR_FAIL(-19) f(int i) { return i; }', fails: 'return (-19); /* KR_FAIL(-19) */' },
];

describe('stub generation', () => {
  it.each(failCases)('$name', ({ definition, fails }) => {
    const dir = scratchDir();
    const source = `${prologue}${definition}\nvoid *const table[] = { (void *)f };\n`;
    const r = stubify(source, dir, { enabled: true, probes: false });
    expect(r.stats.stubsGenerated).toBe(1);
    expect(r.output).toContain('__fgft_orig_f(');
    expect(r.output).toContain(`\t\t${fails}\n`);
    writeLatin1(dir, 'out.i', r.output);
    const cc = gcc([...cflags, '-c', '-x', 'cpp-output', 'out.i', '-o', 'out.o'], dir);
    expect(cc.stderr).toBe('');
    expect(cc.status).toBe(0);
  });

  it('maps the stub to the definition line and keeps later lines right', () => {
    const dir = scratchDir();
    const source = `${prologue}static int d_open(struct net_device *n)\n{\n\t(void)n;\n\treturn 0;\n}\nconst struct net_device_ops d_ops = { .ndo_open = d_open, .ndo_start_xmit = 0 };\nint later(void) { int unused_here; return 0; }\n`;
    const lines = source.split('\n');
    const defLine = lines.findIndex((l) => l.startsWith('static int d_open')) + 1;
    const laterLine = lines.findIndex((l) => l.startsWith('int later')) + 1;
    const r = stubify(source, dir);
    const stubStart = r.output.indexOf('static int d_open(');
    const before = r.output.slice(0, stubStart).split('\n');
    expect(before[before.length - 2]).toMatch(new RegExp(`^# ${defLine} ".*drv\\.c"$`));
    writeLatin1(dir, 'out.i', r.output);
    // gcc's own warning on a line after the stub must name that line.
    const cc = gcc(['-Wall', '-c', '-x', 'cpp-output', 'out.i', '-o', 'out.o'], dir);
    expect(cc.stderr).toContain(`drv.c:${laterLine}:23: warning: unused variable`);
  });

  it('a recursive entry point gets a prototype of its stub first', () => {
    const dir = scratchDir();
    const source = `${prologue}static int d_fact(int n) { return n <= 1 ? 1 : n * d_fact(n - 1); }\nvoid *const t[] = { (void *)d_fact };\n`;
    const r = stubify(source, dir);
    const proto = r.output.indexOf('static int d_fact(int n);');
    expect(proto).toBeGreaterThan(0);
    expect(proto).toBeLessThan(r.output.indexOf('__fgft_orig_d_fact('));
    writeLatin1(dir, 'out.i', r.output);
    expect(gcc([...cflags, '-c', '-x', 'cpp-output', 'out.i', '-o', 'out.o'], dir).status).toBe(0);
  });

  it('KR_FAIL on a void function is reported, not applied', () => {
    const dir = scratchDir();
    const r = stubify(`${prologue}void KR_FAIL(-19) f(int *a) { *a = 0; }\nvoid *const t[] = { (void *)f };\n`, dir);
    expect(r.diagnostics.list.map((d) => `${d.severity}: ${d.message}`)).toEqual(["warning: KR_FAIL(-19) ignored: 'f' returns void"]);
    expect(r.output).toContain('\t\treturn; /* nothing */\n');
  });

  it('without stubs enabled the pass changes nothing', () => {
    const dir = scratchDir();
    const source = `${prologue}static int d_open(struct net_device *n) { (void)n; return 0; }\nconst struct net_device_ops d_ops = { .ndo_open = d_open };\n`;
    const r = stubify(source, dir, { enabled: false });
    expect(r.stats.stubsGenerated).toBe(0);
    expect(r.output).not.toContain('__fgft_orig_');
  });
});

describe('fgftc stubs', () => {
  it('lists each entry point with its reasons, as JSON lines', async () => {
    const { stubsCommand } = await import('../../compiler/commands/stubs.js');
    const dir = scratchDir();
    const file = writeLatin1(
      dir,
      'drv.c',
      `${prologue}static int d_open(struct net_device *n) { (void)n; return 0; }\nconst struct net_device_ops d_ops = { .ndo_open = d_open };\nstatic int d_init(void) { return 0; }\nmodule_init(d_init);\n`,
    );
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      expect(await stubsCommand.run([`-I${repo}/annotations`, file, '--json'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const rows = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { name: string; status: string; note: string; reasons: { cause: string; detail: string }[] });
    expect(rows.map((r) => [r.name, r.status, r.reasons.map((x) => x.cause).join()])).toEqual([
      ['d_open', 'stub', 'ops-table'],
      ['d_init', 'stub', 'module-init'],
    ]);
    expect(rows[0].note).toBe('on failure returns -5 (-EIO)');
    expect(rows[0].reasons[0].detail).toBe('struct net_device_ops d_ops.ndo_open');
  });
});
