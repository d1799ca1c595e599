// A compile-server worker's warm-up: a new worker transforms a small
// driver-like unit a few times while it has nothing else to do, so that the
// first real units it gets pay less for a cold JIT.
import { defaultFgftcOptions } from './fgftc-options.js';
import type { loadPipeline } from './transform-unit.js';

type Pipeline = Awaited<ReturnType<typeof loadPipeline>>;

/** Preprocessed C the way cc -E leaves it: line markers, typedefs, structs, loops, pointers, a switch. */
const SAMPLE = `# 1 "warmup.c"
# 1 "<built-in>"
# 1 "warmup.c"
typedef unsigned long size_t;
typedef unsigned int u32;
struct ring_desc { unsigned long long addr; unsigned short length; unsigned char status; };
struct ring { struct ring_desc desc[8]; unsigned int head, tail; };
struct dev { struct ring rx, tx; unsigned int stats[4]; char name[16]; int (*poll)(struct dev *, int); };
static struct dev devices[2];
static inline u32 rotl32(u32 v, int s) { return (v << s) | (v >> (32 - s)); }
static int ring_push(struct ring *r, unsigned long long addr, unsigned short len)
{
	unsigned int next = (r->head + 1) % 8;
	if (next == r->tail)
		return -1;
	r->desc[r->head].addr = addr;
	r->desc[r->head].length = len;
	r->head = next;
	return 0;
}
static unsigned int checksum(const unsigned char *data, size_t len)
{
	unsigned int sum = 1u;
	size_t i;
	for (i = 0; i < len; i++)
		sum = rotl32(sum, 5) ^ data[i];
	return sum;
}
int dev_probe(unsigned int irq)
{
	struct dev *d = &devices[irq & 1];
	unsigned int lengths[8];
	unsigned int i;
	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
		lengths[i] = (i * 11u) % 97u;
	switch (irq) {
	case 0: d->stats[0]++; break;
	default: d->stats[1] += lengths[irq % 8]; break;
	}
	if (ring_push(&d->tx, 4096ull + irq, (unsigned short)lengths[0]) < 0)
		return -1;
	return (int)checksum((const unsigned char *)d->name, sizeof(d->name));
}
`;

const ROUNDS = 4;

/** The warm-up as small steps (a unit each), so that a request never waits for more than one. */
export function warmUpSteps(pipeline: Pipeline): Array<() => void> {
  const plain = defaultFgftcOptions({}).transform;
  const checked = defaultFgftcOptions({}).transform;
  if (checked.bounds) checked.bounds.scope = 'annotated';
  const steps: Array<() => void> = [];
  for (let k = 0; k < ROUNDS; k++) {
    for (const options of [plain, checked]) steps.push(() => void pipeline.transformTranslationUnit('warmup.c', SAMPLE, options));
  }
  return steps;
}
