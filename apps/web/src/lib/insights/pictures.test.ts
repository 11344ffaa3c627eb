import type { Insights } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { heatMap, predictionSeries, ratingColour, topTrends } from './pictures.ts';

const point = (id: string, day: number, self: number | null, peer: number | null = null) => ({
  sessionId: id,
  at: new Date(Date.UTC(2026, 2, day)).toISOString(),
  self,
  peer
});
const criterion = (rubricId: string, criterionId: string, name: string, points: ReturnType<typeof point>[]) => ({
  rubricId,
  rubricTitle: rubricId,
  criterionId,
  name,
  competencyId: 'communication',
  points
});

const criteria: Insights['criteria'] = [
  criterion('design', 'estimation', 'Capacity estimation', [point('d1', 1, 1), point('d2', 3, 2, 1)]),
  criterion('design', 'communication', 'Communication', [point('d1', 1, 4), point('d2', 3, 4)]),
  criterion('coding', 'communication', 'Communication', [point('c1', 2, 3)]),
  criterion('behavioral', 'stakeholders', 'Stakeholder communication', [point('b1', 4, 1)])
];

describe('heatMap', () => {
  it('lays criteria against sessions in order, a peer’s rating first, and leaves cells empty where a rubric lacks the criterion', () => {
    const map = heatMap(criteria);
    expect(map.sessions.map((s) => s.id)).toEqual(['d1', 'c1', 'd2', 'b1']);
    expect(map.rows.map((r) => r.label)).toEqual([
      'Capacity estimation',
      'Communication (design)',
      'Communication (coding)',
      'Stakeholder communication'
    ]);
    expect(map.cells).toEqual([
      { x: 0, y: 0, rating: 1 },
      { x: 2, y: 0, rating: 1 },
      { x: 0, y: 1, rating: 4 },
      { x: 2, y: 1, rating: 4 },
      { x: 1, y: 2, rating: 3 },
      { x: 3, y: 3, rating: 1 }
    ]);
  });

  it('keeps the latest sessions only, and the criteria rated in them', () => {
    const map = heatMap(criteria, 2);
    expect(map.sessions.map((s) => s.id)).toEqual(['d2', 'b1']);
    expect(map.rows.map((r) => r.key)).toEqual([
      'design:estimation',
      'design:communication',
      'behavioral:stakeholders'
    ]);
  });
});

it('colours ratings from red (1) to green (4), a half taking the nearer level', () => {
  expect([1, 2, 2.4, 3, 4].map(ratingColour)).toEqual(['#d92d20', '#f79009', '#f79009', '#a3c93a', '#16a34a']);
});

it('puts the top areas on one time line, each null where it was not rated', () => {
  const area = (key: string, name: string) => ({ key, name }) as Insights['weakAreas'][number];
  const trends = topTrends(
    [area('behavioral:stakeholders', 'Stakeholder communication'), area('design:estimation', 'Capacity estimation')],
    criteria
  );
  expect(trends.sessions.map((s) => s.id)).toEqual(['d1', 'd2', 'b1']);
  expect(trends.series).toEqual([
    { key: 'behavioral:stakeholders', label: 'Stakeholder communication', data: [null, null, 1] },
    { key: 'design:estimation', label: 'Capacity estimation', data: [1, 1, null] }
  ]);
});

describe('predictionSeries', () => {
  it('puts the predicted and given signals of each session at its place, one given point per peer', () => {
    const series = predictionSeries([
      { sessionId: 'a', at: '2026-03-01', predicted: 'No Hire', actual: ['Hire'] },
      { sessionId: 'b', at: '2026-03-04', predicted: 'Strong Hire', actual: ['No Hire', 'Strong Hire'] }
    ]);
    expect(series.sessions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(series.predicted).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 3 }
    ]);
    expect(series.given).toEqual([
      { x: 0, y: 2 },
      { x: 1, y: 1 },
      { x: 1, y: 3 }
    ]);
  });
});
