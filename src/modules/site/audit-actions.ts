import type { AuditActions } from "../../core/audit-text.ts";

const admin = (path: string) => (slug: string, id: string) => `/t/${slug}/admin/site/${path}/${id}`;
const page = (path: string) => (slug: string, id: string) => `/t/${slug}/${path}/${id}`;

/** How the website's audit actions read in the audit log and on the editor's dashboard. */
export const siteAuditActions: AuditActions = {
  "site.setup": { th: "ตั้งค่าเว็บไซต์ครั้งแรก", en: "Set up the website" },
  "site.demo": { th: "เพิ่มเนื้อหาตัวอย่างของเว็บไซต์", en: "Added the website's demo content" },
  "site.news.create": { th: "เพิ่มข่าว", en: "Added news", href: admin("news") },
  "site.news.update": { th: "แก้ไขข่าว", en: "Changed news", href: admin("news") },
  "site.news.delete": { th: "ลบข่าว", en: "Deleted news" },
  "site.page.create": { th: "เพิ่มหน้าเว็บ", en: "Added a page", href: admin("pages") },
  "site.page.update": { th: "แก้ไขหน้าเว็บ", en: "Changed a page", href: admin("pages") },
  "site.page.delete": { th: "ลบหน้าเว็บ", en: "Deleted a page" },
  "site.menu.create": { th: "เพิ่มรายการเมนู", en: "Added a menu entry", href: admin("menu") },
  "site.menu.update": { th: "แก้ไขรายการเมนู", en: "Changed a menu entry", href: admin("menu") },
  "site.menu.delete": { th: "ลบรายการเมนู", en: "Removed a menu entry" },
  "site.post.create": { th: "เขียนกระทู้ในมุมชุมชน", en: "Wrote a corner post", href: page("corner") },
  "site.post.approve": { th: "อนุมัติกระทู้", en: "Approved a corner post", href: page("corner") },
  "site.post.hide": { th: "ซ่อนกระทู้", en: "Hid a corner post" },
  "site.comment.create": { th: "แสดงความคิดเห็น", en: "Commented" },
  "site.comment.hide": { th: "ซ่อนความคิดเห็น", en: "Hid a comment" },
  "site.report.create": { th: "แจ้งเนื้อหาไม่เหมาะสม", en: "Reported content" },
  "site.report.resolve": { th: "จัดการเรื่องที่แจ้ง", en: "Dealt with a report" },
  "site.photo.add": { th: "เพิ่มภาพ", en: "Added a photo", href: page("photo") },
  "site.photo.caption": { th: "แก้คำบรรยายภาพ", en: "Changed a caption", href: page("photo") },
  "site.photo.delete": { th: "ลบภาพ", en: "Deleted a photo" },
  "site.job.create": { th: "ลงประกาศงาน", en: "Posted a job" },
  "site.job.update": { th: "แก้ไขประกาศงาน", en: "Changed a job" },
  "site.job.approved": { th: "อนุมัติประกาศงาน", en: "Approved a job", href: page("jobs") },
  "site.job.hidden": { th: "ซ่อนประกาศงาน", en: "Hid a job" },
  "site.complaint.file": { th: "รับเรื่องร้องเรียน", en: "Received a complaint" },
  "site.complaint.update": {
    th: "ดำเนินการเรื่องร้องเรียน",
    en: "Handled a complaint",
    href: admin("complaints"),
  },
  "site.document.add": { th: "เพิ่มเอกสาร", en: "Added a document" },
  "site.document.delete": { th: "ลบเอกสาร", en: "Deleted a document" },
  "site.ita.load": { th: "โหลดรายการ ITA ประจำปี", en: "Loaded the year's ITA list" },
  "site.ita.link": { th: "เชื่อมหลักฐาน ITA", en: "Linked ITA evidence" },
  "site.category.create": { th: "เพิ่มหมวดหมู่", en: "Added a category" },
  "site.link.create": { th: "เพิ่มลิงก์", en: "Added a link" },
  "site.link.delete": { th: "ลบลิงก์", en: "Removed a link" },
  "site.counts.set": { th: "ตั้งตัวนับผู้เข้าชม", en: "Set the visitor counts" },
};
