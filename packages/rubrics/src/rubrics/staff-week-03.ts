/** Week 03 of the 24-week staff roadmap: its evaluation rubric, applied to the finance tracker front end. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek03 = staffWeekRubric(3, 'Web Development Foundations', [
  {
    id: 'responsive-design-works-on-mobile-desktop',
    name: 'Responsive design works on mobile/desktop',
    weight: 30,
    competency: 'correctness',
    description: 'The dashboard lays out and works at phone, tablet and desktop widths.',
    levels: {
      1: 'Breaks or overflows on small screens.',
      2: 'Fine on desktop; the mobile layout overlaps or hides parts.',
      3: 'Flexbox/Grid layout adapts cleanly across common widths.',
      4: 'Fluid at every width, checked on real devices, usable by touch and keyboard.'
    }
  },
  {
    id: 'javascript-functionality-complete',
    name: 'JavaScript functionality complete',
    weight: 30,
    competency: 'correctness',
    description: 'Transaction CRUD, form validation, charts and storage all work.',
    levels: {
      1: 'Key features missing or broken.',
      2: 'Most features present; validation or persistence unreliable.',
      3: 'Every feature works, and async calls handle both success and failure.',
      4: 'Complete and robust: local storage, loading and error states, no console errors.'
    }
  },
  {
    id: 'code-organization-and-performance',
    name: 'Code organization and performance',
    weight: 20,
    competency: 'code-quality',
    description: 'Modules, event handling and DOM updates are organised and efficient.',
    levels: {
      1: 'One large script with global state and full re-renders.',
      2: 'Some modules, but tangled state and wasteful DOM work.',
      3: 'ES modules with clear responsibilities; DOM updates are targeted.',
      4: 'Clean module boundaries and DevTools profiling to back the performance choices.'
    }
  },
  {
    id: 'user-experience-quality',
    name: 'User experience quality',
    weight: 20,
    competency: 'impact',
    description: 'The tracker is clear and pleasant to use for tracking spending.',
    levels: {
      1: 'Confusing flows and no feedback on actions.',
      2: 'Works but awkward: unclear labels, errors without guidance.',
      3: 'Clear flows, helpful validation messages, readable charts.',
      4: 'Polished: sensible defaults, accessible, refined with feedback from real users.'
    }
  }
]);
