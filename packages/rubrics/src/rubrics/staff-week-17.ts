/** Week 17 of the 24-week staff roadmap: its evaluation rubric, applied to the enterprise integration platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek17 = staffWeekRubric(17, 'Enterprise Architecture Design', [
  {
    id: 'architecture-scalability',
    name: 'Architecture scalability',
    weight: 35,
    competency: 'scalability',
    description: 'The multi-tenant platform scales with the number of tenants and their traffic.',
    levels: {
      1: 'Everything shared; one tenant can starve the others.',
      2: 'Scales in principle; noisy neighbours not addressed.',
      3: 'A tenant isolation model, quotas and horizontal scaling planned.',
      4: 'Isolation tiers by tenant size, with capacity modelled for each tier.'
    }
  },
  {
    id: 'integration-effectiveness',
    name: 'Integration effectiveness',
    weight: 30,
    competency: 'architecture',
    description: 'Enterprise integration patterns connect systems cleanly and reliably.',
    levels: {
      1: 'Point-to-point integrations everywhere.',
      2: 'A gateway or bus, with patterns applied unevenly.',
      3: 'Fitting patterns (gateway, messaging, translators) behind clear contracts.',
      4: 'An integration catalogue with versioning and failure handling per pattern.'
    }
  },
  {
    id: 'governance-implementation',
    name: 'Governance implementation',
    weight: 20,
    competency: 'security',
    description: 'API management and governance policies are enforced, not just written.',
    levels: {
      1: 'No governance.',
      2: 'Policies documented, not enforced.',
      3: 'The gateway enforces auth, quota and versioning policies, with monitoring.',
      4: 'Automated policy checks in CI and audit reports for stakeholders.'
    }
  },
  {
    id: 'security-compliance',
    name: 'Security compliance',
    weight: 15,
    competency: 'security',
    description: 'Enterprise security integration (SSO, tenant data separation) meets the requirements.',
    levels: {
      1: 'Tenant data can leak.',
      2: 'SSO works; data separation is weak.',
      3: 'SSO, tenant-scoped access and encryption in place.',
      4: 'Compliance controls evidenced and tested per tenant.'
    }
  }
]);
