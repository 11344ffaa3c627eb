/** Chart.js for the insights page, loaded on that page only and registered once with the parts its pictures use. */
import type * as ChartJs from 'chart.js';

type ChartModule = typeof ChartJs;

let loading: Promise<ChartModule> | null = null;

export function loadChartJs(): Promise<ChartModule> {
  return (loading ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.LineController,
      m.ScatterController,
      m.BarController,
      m.LineElement,
      m.PointElement,
      m.BarElement,
      m.LinearScale,
      m.CategoryScale,
      m.Legend,
      m.Tooltip
    );
    return m;
  }));
}
