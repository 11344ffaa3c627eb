/** Week 18 of the 24-week staff roadmap: its evaluation rubric, applied to the global multi-region platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek18 = staffWeekRubric(18, 'Global Systems & Multi-Region Deployment', [
  {
    id: 'global-availability',
    name: 'Global availability',
    weight: 35,
    competency: 'reliability',
    description: 'The platform survives the loss of a region through planned failover.',
    levels: {
      1: 'A single region.',
      2: 'Several regions, failover never tested.',
      3: 'Automated failover with RTO/RPO targets, tested at least once.',
      4: 'Regular failover drills that meet the RTO/RPO targets.'
    }
  },
  {
    id: 'performance-optimization',
    name: 'Performance optimization',
    weight: 30,
    competency: 'scalability',
    description: 'Users everywhere get low latency through CDN, routing and data placement.',
    levels: {
      1: 'All traffic served from one place.',
      2: 'A CDN for static assets only.',
      3: 'Geo-routing, CDN and regional data placement, latency measured per region.',
      4: 'Per-region latency budgets met and monitored.'
    }
  },
  {
    id: 'data-consistency',
    name: 'Data consistency',
    weight: 20,
    competency: 'data-modeling',
    description: 'Cross-region replication has a stated consistency model and conflict handling.',
    levels: {
      1: 'Consistency not considered.',
      2: 'Replication set up, conflicts ignored.',
      3: 'A consistency model per kind of data, conflicts resolved, residency respected.',
      4: 'Consistency verified under partition, with GDPR/CCPA residency enforced.'
    }
  },
  {
    id: 'monitoring-effectiveness',
    name: 'Monitoring effectiveness',
    weight: 15,
    competency: 'reliability',
    description: 'Per-region health, replication lag and failover are visible.',
    levels: {
      1: 'No regional visibility.',
      2: 'Global metrics only.',
      3: 'Per-region dashboards with replication-lag alerts.',
      4: 'Synthetic checks from each region drive automated failover.'
    }
  }
]);
