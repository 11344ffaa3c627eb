/** Week 08 of the 24-week staff roadmap: its evaluation rubric, applied to the cloud-native deployment. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek08 = staffWeekRubric(8, 'Cloud Deployment & DevOps', [
  {
    id: 'infrastructure-automation',
    name: 'Infrastructure automation',
    weight: 30,
    competency: 'reliability',
    description: 'Cloud resources are defined as code and can be recreated.',
    levels: {
      1: 'Resources created by clicking in the console.',
      2: 'Some Terraform, with drift and manual steps left.',
      3: 'Every resource in Terraform, with managed state and per-environment variables.',
      4: 'Modular, reviewed IaC that rebuilds the environment from nothing.'
    }
  },
  {
    id: 'deployment-reliability',
    name: 'Deployment reliability',
    weight: 30,
    competency: 'reliability',
    description: 'Deploys succeed repeatably and can be rolled back safely.',
    levels: {
      1: 'Deploys often fail or cause downtime.',
      2: 'Deploys work, rollback is manual and untested.',
      3: 'Repeatable deploys with health checks and a tested rollback.',
      4: 'Zero-downtime rollouts (blue/green or canary) with automatic rollback.'
    }
  },
  {
    id: 'ci-cd-pipeline-completeness',
    name: 'CI/CD pipeline completeness',
    weight: 20,
    competency: 'reliability',
    description: 'The pipeline builds, tests, scans and deploys every change.',
    levels: {
      1: 'No pipeline.',
      2: 'Builds and runs some tests; deploys by hand.',
      3: 'Build, test and deploy stages run automatically on merge.',
      4: 'Adds security scans, environment promotion and fast feedback on pull requests.'
    }
  },
  {
    id: 'monitoring-setup',
    name: 'Monitoring setup',
    weight: 20,
    competency: 'reliability',
    description: 'Metrics, logs and alerts cover the deployed application.',
    levels: {
      1: 'Nothing monitored.',
      2: 'Default cloud metrics, no alerts.',
      3: 'Application metrics, central logs and alerts on the key failures.',
      4: 'Alerts tied to user-facing SLOs, with dashboards and a runbook.'
    }
  }
]);
