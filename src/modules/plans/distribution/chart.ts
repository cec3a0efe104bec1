/** A bar of the distribution chart: a village's label and its figure. */
export interface Bar {
  label: string;
  value: number | null;
  /** Drawn in the warning colour (a village that received nothing). */
  flagged?: boolean;
}

const BRAND = "#1f5f8b";
const FLAG = "#b3261e";

/**
 * Budget per head of each village as a horizontal bar chart in SVG (ECharts rendered on the
 * server, no client script, no map): villages top to bottom by หมู่ที่, the tambon's average as a
 * dashed line. Tall enough for every village to have its own row.
 */
export async function distributionChart(
  bars: readonly Bar[],
  opts: { title: string; valueName: string; averageName: string; average: number | null },
): Promise<string> {
  const echarts = await import("echarts");
  const width = 640;
  const height = Math.max(200, 60 + bars.length * 26);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: opts.title } },
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif", fontSize: 13 },
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: "value", name: opts.valueName, nameLocation: "end", nameGap: 6 },
    yAxis: {
      type: "category",
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
    },
    series: [
      {
        name: opts.valueName,
        type: "bar",
        barMaxWidth: 18,
        data: bars.map((b) => ({
          value: round(b.value),
          itemStyle: { color: b.flagged ? FLAG : BRAND },
        })),
        label: {
          show: true,
          position: "right",
          formatter: (p: { value: number | null }) =>
            p.value === null ? "—" : p.value.toLocaleString("th-TH"),
        },
        markLine:
          opts.average === null
            ? undefined
            : {
                silent: true,
                symbol: "none",
                lineStyle: { color: "#444", type: "dashed" },
                label: { formatter: opts.averageName, position: "end" },
                data: [{ xAxis: round(opts.average) }],
              },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The Gini index per fiscal year as a small line chart in SVG (0 = equal shares). */
export async function giniChart(
  points: readonly { year: number; gini: number | null }[],
  opts: { title: string; name: string },
): Promise<string> {
  const echarts = await import("echarts");
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 480, height: 220 });
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: opts.title } },
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif", fontSize: 13 },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: points.map((p) => String(p.year)) },
    yAxis: { type: "value", min: 0, max: 1, name: opts.name },
    series: [
      {
        name: opts.name,
        type: "line",
        connectNulls: false,
        data: points.map((p) => (p.gini === null ? null : Math.round(p.gini * 1000) / 1000)),
        lineStyle: { color: BRAND, width: 3 },
        itemStyle: { color: BRAND },
        label: { show: true, position: "top" },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
