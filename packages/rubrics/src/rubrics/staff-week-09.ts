/** Week 09 of the 24-week staff roadmap: its evaluation rubric, applied to the scalable URL shortener. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek09 = staffWeekRubric(9, 'System Design Fundamentals', [
  {
    id: 'scalability-considerations',
    name: 'Scalability considerations',
    weight: 40,
    competency: 'scalability',
    description: 'The design carries 10M+ requests a day through sharding, replication and caching.',
    levels: {
      1: 'One server and one database, no plan for growth.',
      2: 'Mentions caching or sharding without fitting them to the load.',
      3: 'Sharding, replication and caching sized to the stated load.',
      4: "Knows each layer's limit and how to pass it, hot keys included."
    }
  },
  {
    id: 'architecture-trade-offs-analysis',
    name: 'Architecture trade-offs analysis',
    weight: 30,
    competency: 'tradeoffs',
    description: 'Consistency model, key generation and cache policy are weighed against alternatives.',
    levels: {
      1: 'Choices stated without alternatives.',
      2: 'Names alternatives but not what each one costs.',
      3: 'Compares options on consistency, latency and cost and picks one with reasons.',
      4: 'Ties each trade-off to a requirement and says when to revisit it.'
    }
  },
  {
    id: 'implementation-feasibility',
    name: 'Implementation feasibility',
    weight: 20,
    competency: 'tradeoffs',
    description: 'The design can be built and run with the stated tools and effort.',
    levels: {
      1: 'Relies on parts that do not exist or cannot work together.',
      2: 'Buildable, with gaps in how parts connect or are operated.',
      3: 'A concrete plan naming the pieces and their interfaces.',
      4: 'A phased plan with a working prototype of the riskiest part.'
    }
  },
  {
    id: 'performance-estimations',
    name: 'Performance estimations',
    weight: 10,
    competency: 'estimation',
    description: 'Back-of-envelope QPS, storage and bandwidth numbers drive the design.',
    levels: {
      1: 'No numbers.',
      2: 'Some numbers, with arithmetic slips, or numbers that change nothing.',
      3: 'Correct QPS, storage and bandwidth estimates that shape the design.',
      4: 'Peaks and growth included, and checked against a load test.'
    }
  }
]);
