/** Week 23 of the 24-week staff roadmap: its evaluation rubric, applied to the incident management system. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek23 = staffWeekRubric(23, 'Incident Management & Production Leadership', [
  {
    id: 'process-effectiveness',
    name: 'Process effectiveness',
    weight: 35,
    competency: 'reliability',
    description: 'The incident process gets the right people acting fast, with clear roles.',
    levels: {
      1: 'No defined process.',
      2: 'A written process with unclear roles.',
      3: 'Severity levels, roles, escalation and comms defined and rehearsed.',
      4: 'Drills show time to mitigate falling.'
    }
  },
  {
    id: 'automation-implementation',
    name: 'Automation implementation',
    weight: 30,
    competency: 'reliability',
    description: 'Alerting, paging and escalation run automatically from SLOs.',
    levels: {
      1: 'Users find the incidents.',
      2: 'Noisy alerts and manual paging.',
      3: 'SLO-based alerts page on-call, with runbooks attached.',
      4: 'Auto-remediation of known failures; alert noise tracked and cut.'
    }
  },
  {
    id: 'learning-culture',
    name: 'Learning culture',
    weight: 20,
    competency: 'leadership',
    description: 'Blameless postmortems turn incidents into lasting fixes.',
    levels: {
      1: 'Blame, or no review at all.',
      2: 'Postmortems written, actions never followed up.',
      3: 'Blameless postmortems with owned, tracked actions.',
      4: 'Lessons shared across teams, and repeat incidents fall.'
    }
  },
  {
    id: 'continuous-improvement',
    name: 'Continuous improvement',
    weight: 15,
    competency: 'leadership',
    description: 'Readiness reviews and reliability metrics drive ongoing improvement.',
    levels: {
      1: 'Nothing changes after incidents.',
      2: 'Ad hoc fixes.',
      3: 'Production readiness reviews and reliability metrics reviewed on a schedule.',
      4: 'Reliability work prioritised from data, across teams.'
    }
  }
]);
