/** One bar pair of the approval chart. */
export interface ChartRow {
  label: string;
  positive: number;
  negative: number;
}

/** A horizontal bar chart of approval and disapproval per alternative, as SVG (ECharts, server-side). */
export async function approvalChart(
  rows: ChartRow[],
  labels: { positive: string; negative: string; title: string },
): Promise<string> {
  const echarts = await import("echarts");
  const height = 80 + rows.length * 48;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 640, height });
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: labels.title } },
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif", fontSize: 14 },
    legend: { data: [labels.positive, labels.negative], top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => (r.label.length > 28 ? r.label.slice(0, 27) + "…" : r.label)),
    },
    series: [
      {
        name: labels.positive,
        type: "bar",
        data: rows.map((r) => r.positive),
        itemStyle: { color: "#0b6b3a" },
        label: { show: true, position: "right" },
      },
      {
        name: labels.negative,
        type: "bar",
        data: rows.map((r) => r.negative),
        itemStyle: { color: "#b3261e" },
        label: { show: true, position: "right" },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
