// Every benchmark `npm run bench` runs, in order. Adding one is a module and a line here.
import type { Benchmark } from './benchmark.js';
import { benchBounds } from './bounds-ringbuf.js';
import { benchBuildVsGcc } from './build-vs-gcc.js';
import { benchCampaign } from './campaign-throughput.js';
import { benchFrontendThroughput } from './frontend-throughput.js';
import { benchHarness } from './harness-frames.js';
import { benchRecovery } from './recovery-stubs.js';

export const benchmarks: Benchmark[] = [
  { name: 'build-vs-gcc', run: benchBuildVsGcc },
  { name: 'frontend-throughput', run: benchFrontendThroughput },
  { name: 'bounds-ringbuf', run: benchBounds },
  { name: 'harness-frames', run: benchHarness },
  { name: 'recovery-stubs', run: benchRecovery },
  { name: 'campaign-throughput', run: benchCampaign },
];
