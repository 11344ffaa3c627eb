/** Week 20 of the 24-week staff roadmap: its evaluation rubric, applied to the internal developer platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek20 = staffWeekRubric(20, 'Platform Engineering & Developer Experience', [
  {
    id: 'platform-usability',
    name: 'Platform usability',
    weight: 35,
    competency: 'impact',
    description: 'Developers can serve themselves with infrastructure without asking for help.',
    levels: {
      1: 'Every request needs the platform team.',
      2: 'Self-service for simple cases, with poor docs.',
      3: 'Golden paths and docs let developers serve themselves for common needs.',
      4: 'Developers choose it unprompted; onboarding takes minutes.'
    }
  },
  {
    id: 'automation-effectiveness',
    name: 'Automation effectiveness',
    weight: 30,
    competency: 'reliability',
    description: 'Common engineering workflows are automated end to end.',
    levels: {
      1: 'Workflows are manual.',
      2: 'Scripts that need babysitting.',
      3: 'Reliable automation for the common workflows.',
      4: 'Automation with guardrails, self-healing and clear failure messages.'
    }
  },
  {
    id: 'devex-improvement',
    name: 'DevEx improvement',
    weight: 20,
    competency: 'impact',
    description: 'Developer experience measurably improves.',
    levels: {
      1: 'No baseline and no improvement.',
      2: 'Improvement claimed from anecdotes.',
      3: 'A baseline and gains on DevEx metrics such as lead time and build time.',
      4: 'Sustained gains tracked through surveys and delivery metrics.'
    }
  },
  {
    id: 'adoption-metrics',
    name: 'Adoption metrics',
    weight: 15,
    competency: 'impact',
    description: 'Adoption of the platform is measured and acted on.',
    levels: {
      1: 'Adoption unknown.',
      2: 'A count of users only.',
      3: 'An adoption funnel tracked, with the reasons teams do not adopt.',
      4: 'Adoption data drives the roadmap and keeps growing.'
    }
  }
]);
