/** Week 12 of the 24-week staff roadmap: its evaluation rubric, applied to the secure enterprise API platform. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek12 = staffWeekRubric(12, 'Security & Compliance Implementation', [
  {
    id: 'authentication-security',
    name: 'Authentication security',
    weight: 35,
    competency: 'security',
    critical: true,
    description: 'OAuth2/OIDC flows are implemented correctly and resist common attacks.',
    levels: {
      1: 'Flows broken or bypassable.',
      2: 'Flows work, with weaknesses such as no PKCE or long-lived tokens.',
      3: 'Correct OAuth2/OIDC with PKCE, short-lived tokens and safe token storage.',
      4: 'Plus MFA, key rotation and revocation, tested against the OWASP attacks.'
    }
  },
  {
    id: 'authorization-effectiveness',
    name: 'Authorization effectiveness',
    weight: 30,
    competency: 'security',
    description: 'Role- and attribute-based rules give each user exactly the access they need.',
    levels: {
      1: 'Users can reach data that is not theirs.',
      2: 'Roles checked in some places, not all.',
      3: 'Least-privilege RBAC/ABAC enforced centrally on every route.',
      4: 'Policies as code, with tests for every denial path.'
    }
  },
  {
    id: 'security-monitoring',
    name: 'Security monitoring',
    weight: 20,
    competency: 'security',
    description: 'Security events are logged and suspicious activity raises an alert.',
    levels: {
      1: 'No security logging.',
      2: 'Logs exist, but nobody would notice an attack.',
      3: 'Auth events and anomalies logged, with alerts on suspicious patterns.',
      4: 'An audit trail, alert playbooks and a rehearsed response.'
    }
  },
  {
    id: 'compliance-requirements',
    name: 'Compliance requirements',
    weight: 15,
    competency: 'security',
    description: 'Encryption, key management and data handling meet the stated requirements.',
    levels: {
      1: 'Requirements not identified.',
      2: 'Some controls, not mapped to requirements.',
      3: 'Encryption in transit and at rest, key management, controls mapped to requirements.',
      4: 'Evidence for every control, ready for an audit.'
    }
  }
]);
