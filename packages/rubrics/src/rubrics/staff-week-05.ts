/** Week 05 of the 24-week staff roadmap: its evaluation rubric, applied to the e-commerce database schema. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek05 = staffWeekRubric(5, 'Database Design & SQL Mastery', [
  {
    id: 'schema-design-quality',
    name: 'Schema design quality',
    weight: 30,
    competency: 'data-modeling',
    description: 'Tables, keys and normalisation fit the catalogue and order domain.',
    levels: {
      1: 'Redundant, unnormalised tables without keys.',
      2: 'Normalised in places, with awkward relations or missing keys.',
      3: 'A normalised schema with sound keys and relations for the domain.',
      4: 'Normalisation and denormalisation chosen deliberately, each justified by access patterns.'
    }
  },
  {
    id: 'query-performance-optimization',
    name: 'Query performance optimization',
    weight: 30,
    competency: 'scalability',
    description: 'Queries and indexes are tuned from EXPLAIN ANALYZE evidence.',
    levels: {
      1: 'No indexes; slow queries left as they are.',
      2: 'Some indexes added by guesswork.',
      3: 'Indexes chosen from query plans; slow queries measurably faster.',
      4: 'Before/after plans and timings, covering or partial indexes, write costs weighed.'
    }
  },
  {
    id: 'data-integrity-constraints',
    name: 'Data integrity constraints',
    weight: 20,
    competency: 'data-modeling',
    description: 'Constraints and transactions keep the stored data valid.',
    levels: {
      1: 'No constraints; invalid rows can be written.',
      2: 'Primary keys and some foreign keys, no checks or transactions.',
      3: 'Foreign keys, NOT NULL, CHECK and unique constraints; orders written in transactions.',
      4: 'Integrity enforced at every layer, isolation levels chosen and tested against races.'
    }
  },
  {
    id: 'complex-reporting-queries',
    name: 'Complex reporting queries',
    weight: 20,
    competency: 'data-modeling',
    description: 'Reports use joins, CTEs and window functions correctly.',
    levels: {
      1: 'Reports missing or wrong.',
      2: 'Simple aggregates; complex reports pushed into application code.',
      3: 'Correct reports built with joins, CTEs and window functions.',
      4: 'Readable, fast reports checked against hand-computed results.'
    }
  }
]);
