/** Week 15 of the 24-week staff roadmap: its evaluation rubric, applied to the real-time analytics platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek15 = staffWeekRubric(15, 'Data Engineering & Analytics', [
  {
    id: 'pipeline-reliability',
    name: 'Pipeline reliability',
    weight: 35,
    competency: 'reliability',
    description: 'Batch and streaming pipelines recover from failures without losing or duplicating data.',
    levels: {
      1: 'Failures lose data or need manual repair.',
      2: 'Retries exist, but reruns duplicate data.',
      3: 'Idempotent, retried tasks with failure alerts and backfill support.',
      4: 'Effectively-once delivery, proven with injected failures.'
    }
  },
  {
    id: 'data-processing-accuracy',
    name: 'Data processing accuracy',
    weight: 30,
    competency: 'correctness',
    description: 'Transformations produce correct numbers, checked by data-quality tests.',
    levels: {
      1: 'Outputs wrong or never checked.',
      2: 'Spot-checked by hand.',
      3: 'Data-quality checks on inputs and outputs, reconciled with the sources.',
      4: 'Contracts and tests at every stage, late and duplicate events handled.'
    }
  },
  {
    id: 'analytics-functionality',
    name: 'Analytics functionality',
    weight: 20,
    competency: 'impact',
    description: 'Dashboards answer the questions their users actually ask.',
    levels: {
      1: 'No usable dashboards.',
      2: 'Charts exist but do not answer the business questions.',
      3: 'Dashboards answer the stated questions from fresh data.',
      4: 'Users serve themselves: clear metric definitions, drill-downs, freshness shown.'
    }
  },
  {
    id: 'performance-optimization',
    name: 'Performance optimization',
    weight: 15,
    competency: 'scalability',
    description: 'Pipelines and queries meet their latency and cost targets.',
    levels: {
      1: 'Too slow to be useful.',
      2: 'Works at small scale only.',
      3: 'Partitioning and incremental processing meet the targets.',
      4: 'Measured at production scale, with cost per run tracked.'
    }
  }
]);
