/** Week 16 of the 24-week staff roadmap: its evaluation rubric, applied to the technical leadership simulation. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek16 = staffWeekRubric(16, 'Technical Leadership Preparation', [
  {
    id: 'technical-decision-quality',
    name: 'Technical decision quality',
    weight: 35,
    competency: 'tradeoffs',
    description: 'Decisions made in the architecture review are sound, reasoned and recorded.',
    levels: {
      1: 'Decisions by opinion or seniority.',
      2: 'Reasoned, with alternatives and risks skipped.',
      3: 'Options compared against criteria and the decision recorded in an ADR.',
      4: 'A decision framework others adopt, with reversibility and risk explicit.'
    }
  },
  {
    id: 'communication-effectiveness',
    name: 'Communication effectiveness',
    weight: 30,
    competency: 'communication',
    description: 'The review, the roadmap and the mentoring land with their audiences.',
    levels: {
      1: 'The audience is left confused.',
      2: 'Clear to engineers only, or too long to follow.',
      3: 'Tailored to each audience, with a clear ask.',
      4: 'Concise and persuasive: the audience acts on it.'
    }
  },
  {
    id: 'leadership-demonstration',
    name: 'Leadership demonstration',
    weight: 20,
    competency: 'leadership',
    description: 'Leads the review and the mentoring session, drawing others in.',
    levels: {
      1: 'Does not lead; waits to be told.',
      2: 'Runs the meeting but dominates it or avoids conflict.',
      3: 'Facilitates, resolves disagreement and follows up.',
      4: 'Raises the level of others: the mentee or the team visibly grows.'
    }
  },
  {
    id: 'documentation-quality',
    name: 'Documentation quality',
    weight: 15,
    competency: 'communication',
    description: 'The roadmap and the review notes are clear, complete and kept up to date.',
    levels: {
      1: 'No documents.',
      2: 'Notes without structure.',
      3: 'A structured roadmap and review record, with decisions and owners.',
      4: "Documents that become the team's reference and stay current."
    }
  }
]);
