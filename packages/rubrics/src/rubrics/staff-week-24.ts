/** Week 24 of the 24-week staff roadmap: its evaluation rubric, applied to the staff engineer portfolio. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek24 = staffWeekRubric(24, 'Synthesis, Portfolio & Career Launch', [
  {
    id: 'portfolio-completeness',
    name: 'Portfolio completeness',
    weight: 35,
    competency: 'communication',
    description: "The portfolio presents each project's problem, design, impact and evidence.",
    levels: {
      1: 'No portfolio.',
      2: 'A list of projects without context.',
      3: 'Each project shows problem, design, trade-offs and results.',
      4: 'A coherent staff-level story with measurable impact.'
    }
  },
  {
    id: 'interview-readiness',
    name: 'Interview readiness',
    weight: 30,
    competency: 'communication',
    description: 'Ready for staff-level design, coding and leadership interviews.',
    levels: {
      1: 'Not practised.',
      2: 'Some mocks, with recurring weak spots.',
      3: 'Hire-level mock results across interview types.',
      4: 'Strong Hire mocks, with the weak areas closed.'
    }
  },
  {
    id: 'leadership-demonstration',
    name: 'Leadership demonstration',
    weight: 20,
    competency: 'leadership',
    description: 'Stories and artefacts show staff-level leadership.',
    levels: {
      1: 'No leadership examples.',
      2: 'Examples of individual work only.',
      3: 'STAR stories of influence across teams.',
      4: 'Evidence of impact across the organisation.'
    }
  },
  {
    id: 'professional-networking',
    name: 'Professional networking',
    weight: 15,
    competency: 'leadership',
    description: 'Builds the relationships that lead to referrals and opportunities.',
    levels: {
      1: 'No outreach.',
      2: 'Passive profile updates.',
      3: 'Regular outreach, with referrals asked for.',
      4: 'An active network that produces referrals and interviews.'
    }
  }
]);
