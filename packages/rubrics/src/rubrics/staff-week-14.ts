/** Week 14 of the 24-week staff roadmap: its evaluation rubric, applied to the performance-optimised platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek14 = staffWeekRubric(14, 'Performance Engineering Mastery', [
  {
    id: 'performance-improvement',
    name: 'Performance improvement',
    weight: 40,
    competency: 'scalability',
    description: 'The platform meets its latency and throughput targets under load.',
    levels: {
      1: 'No measurable improvement.',
      2: 'Small gains, not tied to targets.',
      3: 'Targets met, shown by load tests.',
      4: 'Targets beaten with headroom, and capacity limits written down.'
    }
  },
  {
    id: 'profiling-accuracy',
    name: 'Profiling accuracy',
    weight: 30,
    competency: 'scalability',
    description: 'Profiling finds the real bottlenecks in CPU, memory, database and network.',
    levels: {
      1: 'Optimises by guessing.',
      2: 'Profiles one layer and misses the real bottleneck.',
      3: 'Profiles each layer and ranks bottlenecks by their impact.',
      4: 'Flame graphs or eBPF reveal non-obvious costs, and each fix is confirmed.'
    }
  },
  {
    id: 'monitoring-implementation',
    name: 'Monitoring implementation',
    weight: 20,
    competency: 'reliability',
    description: 'Performance monitoring keeps the gains from slipping back.',
    levels: {
      1: 'None.',
      2: 'Dashboards without alerts.',
      3: 'APM with latency and saturation alerts.',
      4: 'SLO-based alerting and performance tests that gate releases.'
    }
  },
  {
    id: 'optimization-documentation',
    name: 'Optimization documentation',
    weight: 10,
    competency: 'communication',
    description: 'Each optimisation is written up: the problem, the change and the measured effect.',
    levels: {
      1: 'Nothing written.',
      2: 'A list of changes without numbers.',
      3: 'Each change documented with before/after measurements.',
      4: 'A write-up others can follow to reproduce and extend the work.'
    }
  }
]);
