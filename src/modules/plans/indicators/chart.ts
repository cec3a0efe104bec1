/** Colours of the statuses (the same on cards, charts and tables). */
export const STATUS_COLOURS = {
  green: "#1b7f3b",
  amber: "#b26a00",
  red: "#b3261e",
  grey: "#6b6b6b",
} as const;

/** A year's point of a trend chart: the measured value and the target (either may be missing). */
export interface TrendPoint {
  year: number;
  value: number | null;
  target: number | null;
}

/**
 * A trend chart as SVG (ECharts rendered on the server, no client script): the measured values
 * as a line with their numbers, the targets as a dashed line. `small` draws a card's sparkline
 * without axes.
 */
export async function trendChart(
  points: readonly TrendPoint[],
  opts: {
    title: string;
    valueName: string;
    targetName: string;
    colour: string;
    small?: boolean;
    decimals?: number;
  },
): Promise<string> {
  const echarts = await import("echarts");
  const small = opts.small ?? false;
  const width = small ? 280 : 640;
  const height = small ? 110 : 300;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const round = (v: number | null) =>
    v === null ? null : Number(v.toFixed(Math.max(0, Math.min(opts.decimals ?? 1, 4))));
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: opts.title } },
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif", fontSize: small ? 11 : 14 },
    legend: small ? { show: false } : { data: [opts.valueName, opts.targetName], top: 0 },
    grid: small
      ? { left: 12, right: 12, top: 14, bottom: 26, containLabel: false }
      : { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: points.map((p) => String(p.year)),
      axisLabel: { show: true, fontSize: small ? 10 : 13 },
      axisTick: { show: !small },
      axisLine: { show: true },
    },
    yAxis: { type: "value", show: !small, scale: true },
    series: [
      {
        name: opts.valueName,
        type: "line",
        data: points.map((p) => round(p.value)),
        connectNulls: true,
        symbolSize: small ? 5 : 8,
        lineStyle: { color: opts.colour, width: small ? 2 : 3 },
        itemStyle: { color: opts.colour },
        label: { show: !small, position: "top" },
      },
      {
        name: opts.targetName,
        type: "line",
        data: points.map((p) => round(p.target)),
        connectNulls: true,
        symbol: small ? "none" : "diamond",
        lineStyle: { color: "#444", type: "dashed", width: small ? 1 : 2 },
        itemStyle: { color: "#444" },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
