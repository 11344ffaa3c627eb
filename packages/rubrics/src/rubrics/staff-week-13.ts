/** Week 13 of the 24-week staff roadmap: its evaluation rubric, applied to the ML recommendation service. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek13 = staffWeekRubric(13, 'AI/ML Engineering Fundamentals', [
  {
    id: 'ml-pipeline-completeness',
    name: 'ML pipeline completeness',
    weight: 35,
    competency: 'ml-lifecycle',
    description: 'Data preparation, training, validation and retraining run as one reproducible pipeline.',
    levels: {
      1: 'Training is a notebook run by hand.',
      2: 'Scripted training; validation or experiment tracking missing.',
      3: 'A pipeline with data prep, training, validation and experiment tracking.',
      4: 'Reproducible end to end, with versioned data and models and automated retraining.'
    }
  },
  {
    id: 'model-deployment-success',
    name: 'Model deployment success',
    weight: 30,
    competency: 'ml-lifecycle',
    description: 'The recommender is served behind an API that meets its latency needs.',
    levels: {
      1: 'Model not deployed.',
      2: 'Served, but fragile or slow.',
      3: 'Served through an API with versioned models and health checks.',
      4: 'Safe rollout (shadow or canary), rollback, and latency measured under load.'
    }
  },
  {
    id: 'monitoring-implementation',
    name: 'Monitoring implementation',
    weight: 20,
    competency: 'ml-lifecycle',
    description: 'Model quality and data drift are watched in production.',
    levels: {
      1: 'No monitoring.',
      2: 'Service metrics only, nothing on model quality.',
      3: 'Drift and quality metrics with thresholds that trigger retraining.',
      4: 'Drift, quality and business metrics linked, with alerts and a retraining loop.'
    }
  },
  {
    id: 'performance-validation',
    name: 'Performance validation',
    weight: 15,
    competency: 'ml-lifecycle',
    description: 'Offline metrics and an A/B test show the model actually helps.',
    levels: {
      1: 'No evaluation.',
      2: 'Offline metrics only.',
      3: 'Offline evaluation plus an A/B test design with a success metric.',
      4: 'A/B test run, significance checked, and the result acted on.'
    }
  }
]);
