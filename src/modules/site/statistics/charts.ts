import { createRequire } from "node:module";
import type * as Echarts from "echarts";
import { msg } from "../messages.ts";

// ECharts is loaded when a chart is first drawn, not when the app starts: its ES modules take
// a second or two of CPU to load, which every process (the server, each CLI command, each test
// file) would otherwise pay. Its CommonJS build is one file, loaded synchronously.
let loaded: typeof Echarts | null = null;
const echarts = (): typeof Echarts =>
  (loaded ??= createRequire(import.meta.url)("echarts") as typeof Echarts);

export function chartSvg(
  days: { day: string; visitors: number; views: number }[],
  lang: "th" | "en",
) {
  const t = msg.t(lang);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width: 720, height: 320 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: "category", data: days.map((d) => d.day.slice(8) + "/" + d.day.slice(5, 7)) },
    yAxis: { type: "value" },
    series: [
      {
        name: t("stats.visitors"),
        type: "bar",
        data: days.map((d) => d.visitors),
        color: "#0b6b3a",
      },
      { name: t("stats.views"), type: "line", data: days.map((d) => d.views), color: "#0a58a8" },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A path as people read it (Thai letters rather than %-escapes), shortened for a chart label. */
export function pageLabel(path: string, tambonSlug: string): string {
  let p = path.startsWith(`/t/${tambonSlug}`) ? path.slice(`/t/${tambonSlug}`.length) || "/" : path;
  try {
    p = decodeURI(p);
  } catch {
    // keep it escaped
  }
  return p.length > 40 ? `${p.slice(0, 39)}…` : p;
}

/** The height of the top-pages chart for a number of pages. */
export const topChartHeight = (pages: number) => Math.max(120, 48 + pages * 30);

/** A horizontal bar chart of the most viewed pages (most viewed on top). */
export function topPagesSvg(
  pages: { path: string; views: number }[],
  tambonSlug: string,
  lang: "th" | "en",
) {
  const t = msg.t(lang);
  const rows = [...pages].reverse();
  const height = topChartHeight(rows.length);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width: 720, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Sarabun, Tahoma, sans-serif" },
    grid: { left: 16, right: 48, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((p) => pageLabel(p.path, tambonSlug)) },
    series: [
      {
        name: t("stats.views"),
        type: "bar",
        data: rows.map((p) => Number(p.views)),
        color: "#0a58a8",
        label: { show: true, position: "right" },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
