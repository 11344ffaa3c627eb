/** Week 06 of the 24-week staff roadmap: its evaluation rubric, applied to the real-time chat application. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek06 = staffWeekRubric(6, 'Full-Stack Integration', [
  {
    id: 'end-to-end-functionality',
    name: 'End-to-end functionality',
    weight: 35,
    competency: 'correctness',
    description: 'Sign-in, rooms, messaging and history work from browser to database.',
    levels: {
      1: 'Front end and back end do not work together.',
      2: 'Messages flow, but auth, rooms or history are incomplete.',
      3: 'The whole flow works for several users in several rooms.',
      4: 'Complete and resilient: reconnects, ordering and history survive restarts.'
    }
  },
  {
    id: 'real-time-performance',
    name: 'Real-time performance',
    weight: 25,
    competency: 'scalability',
    description: 'Messages arrive quickly and the server copes with many open connections.',
    levels: {
      1: 'Polling or visible lag; breaks with a handful of users.',
      2: 'WebSockets in place, latency never measured.',
      3: 'Low latency measured with a realistic number of connections.',
      4: 'Load-tested, with back-pressure and a plan for scaling across instances.'
    }
  },
  {
    id: 'code-organization',
    name: 'Code organization',
    weight: 20,
    competency: 'code-quality',
    description: 'Client state, server handlers and shared types are cleanly separated.',
    levels: {
      1: 'Logic tangled across components and handlers.',
      2: 'Some structure, with duplicated state and types.',
      3: 'Clear separation of UI, state, transport and server logic.',
      4: 'Shared contracts and a predictable state flow that is easy to extend.'
    }
  },
  {
    id: 'security-implementation',
    name: 'Security implementation',
    weight: 20,
    competency: 'security',
    description: 'Authentication, CORS and socket authorisation protect users and rooms.',
    levels: {
      1: 'Anyone can join any room or impersonate another user.',
      2: 'Login exists, but sockets or CORS are left open.',
      3: 'Authenticated sockets, per-room authorisation, strict CORS.',
      4: 'Plus XSS-safe rendering, rate limits and tests for abuse.'
    }
  }
]);
