/** Week 10 of the 24-week staff roadmap: its evaluation rubric, applied to the high-throughput API service. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek10 = staffWeekRubric(10, 'Advanced Backend Optimization', [
  {
    id: 'performance-improvement-metrics',
    name: 'Performance improvement metrics',
    weight: 40,
    competency: 'scalability',
    description: 'Improvements are shown with before/after latency and throughput numbers.',
    levels: {
      1: 'No measurements.',
      2: 'Anecdotal speed-ups or single runs.',
      3: 'Repeatable benchmarks showing clear gains in p50/p99 and throughput.',
      4: 'Reaches the 10x target, with benchmarks in CI to catch regressions.'
    }
  },
  {
    id: 'caching-strategy-effectiveness',
    name: 'Caching strategy effectiveness',
    weight: 30,
    competency: 'scalability',
    description: 'Cache pattern, keys, TTLs and invalidation fit how the data is read and written.',
    levels: {
      1: 'No caching, or a cache that serves stale data.',
      2: 'Cache-aside bolted on without an invalidation plan.',
      3: 'A pattern per kind of data, with TTLs, invalidation and a tracked hit rate.',
      4: 'Layered caching with stampede protection, tuned from measured hit rates.'
    }
  },
  {
    id: 'database-optimization',
    name: 'Database optimization',
    weight: 20,
    competency: 'scalability',
    description: 'Queries, indexes and connection pooling remove the database bottlenecks.',
    levels: {
      1: 'Database untouched although it is the bottleneck.',
      2: 'Some indexes; N+1 queries or pool exhaustion remain.',
      3: 'Slow queries fixed from plans, pool sized, N+1 queries gone.',
      4: 'Read replicas or query redesign where needed, each change measured.'
    }
  },
  {
    id: 'monitoring-implementation',
    name: 'Monitoring implementation',
    weight: 10,
    competency: 'reliability',
    description: 'Performance metrics are collected so that regressions are seen.',
    levels: {
      1: 'None.',
      2: 'Ad hoc profiling runs only.',
      3: 'Latency, throughput and cache metrics on a dashboard.',
      4: 'Alerts on latency budgets and continuous profiling in production.'
    }
  }
]);
