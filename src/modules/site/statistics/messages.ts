import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of visit statistics (part of the site dictionary). */
export const statisticsMessages = {
  "stats.title": { th: "สถิติ", en: "Statistics" },
  "stats.opened": { th: "เปิดเว็บไซต์", en: "Site opened" },
  "stats.updated": { th: "ปรับปรุง", en: "Last updated" },
  "stats.visitors": { th: "สถิติผู้เข้าชม", en: "Visitors" },
  "stats.views": { th: "Page Views", en: "Page views" },
  "stats.today": { th: "วันนี้", en: "Today" },
  "stats.yesterday": { th: "เมื่อวาน", en: "Yesterday" },
  "stats.month": { th: "เดือนนี้", en: "This month" },
  "stats.pageTitle": { th: "สถิติผู้เข้าชมเว็บไซต์", en: "Visitor statistics" },
  "stats.privacy": {
    th: "นับผู้เข้าชมโดยไม่ใช้คุกกี้และไม่ส่งข้อมูลให้บุคคลภายนอก: ผู้เข้าชมแต่ละรายนับจากค่าแฮชของที่อยู่ IP และเบราว์เซอร์ผสมค่าสุ่มที่เปลี่ยนทุกวัน โดยไม่เก็บที่อยู่ IP และไม่นับโปรแกรมค้นเว็บ (บอต)",
    en: "Visitors are counted without cookies and without third parties: each visitor is a hash of the address and browser with a salt that changes every day; addresses are never stored and bots are not counted.",
  },
  "stats.perDay": { th: "ผู้เข้าชมรายวัน (30 วันล่าสุด)", en: "Visits per day (last 30 days)" },
  "stats.topPages": { th: "หน้าที่มีผู้เข้าชมมากที่สุด (30 วัน)", en: "Top pages (30 days)" },
  "stats.day": { th: "วันที่", en: "Day" },
  "stats.page": { th: "หน้า", en: "Page" },
  "stats.home": { th: "หน้าแรก", en: "Home page" },
  "stats.total": { th: "รวม", en: "Total" },
  "stats.chartAlt": {
    th: "กราฟผู้เข้าชมและการเปิดหน้าเว็บรายวัน ตัวเลขอยู่ในตารางด้านล่าง",
    en: "Chart of visitors and page views per day; the figures are in the table below",
  },
  "stats.topChartAlt": {
    th: "กราฟแท่งจำนวนการเปิดหน้าที่มีผู้เข้าชมมากที่สุด ตัวเลขอยู่ในตารางด้านล่าง",
    en: "Bar chart of the most viewed pages; the figures are in the table below",
  },
  "stats.before": { th: "ยอดสะสมจากเว็บไซต์เดิม", en: "Counts carried over from the old site" },
  "stats.visitorsBefore": { th: "ผู้เข้าชมจากเว็บไซต์เดิม", en: "Visitors on the old site" },
  "stats.viewsBefore": { th: "Page Views จากเว็บไซต์เดิม", en: "Page views on the old site" },
} satisfies Record<string, Msg>;
