import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the follow-up of clauses (part of the charter dictionary). */
export const followUpMessages = {
  "follow.title": { th: "ติดตามผลการดำเนินงานรายข้อ", en: "Clause-by-clause follow-up" },
  "follow.intro": {
    th: "แต่ละข้อของธรรมนูญเชื่อมกับโครงการ ตัวชี้วัด และภาคีที่รับผิดชอบ พร้อมสถานะการดำเนินงาน",
    en: "Each clause with the projects, indicators and partners that carry it out, and its implementation status",
  },
  "follow.status": { th: "สถานะ", en: "Status" },
  "follow.note": { th: "บันทึก", en: "Note" },
  "follow.links": { th: "โครงการ / ตัวชี้วัด / ภาคี", en: "Projects / indicators / partners" },
  "follow.setStatus": { th: "บันทึกสถานะ", en: "Save status" },
  "follow.statusSaved": { th: "บันทึกสถานะแล้ว", en: "Status saved" },
  "follow.addLink": { th: "เชื่อมโยง", en: "Add link" },
  "follow.linkAdded": { th: "เชื่อมโยงแล้ว", en: "Link added" },
  "follow.linkDeleted": { th: "ลบการเชื่อมโยงแล้ว", en: "Link removed" },
  "follow.linkType": { th: "ประเภท", en: "Type" },
  "follow.label": { th: "ชื่อ", en: "Name" },
  "follow.partner": { th: "ภาคีในเครือข่าย", en: "Partner of the network" },
  "follow.labelHint": {
    th: "เว้นว่างได้เมื่อเลือกภาคีในเครือข่าย",
    en: "May stay empty when a partner of the network is chosen",
  },
  "follow.url": { th: "ลิงก์ (ถ้ามี)", en: "Link (optional)" },
  "follow.removeLink": { th: "ลบการเชื่อมโยง {label}", en: "Remove link {label}" },
  "follow.history": { th: "ประวัติสถานะ", en: "Status history" },
  "follow.none": { th: "ยังไม่มี", en: "None yet" },
  "follow.filter": { th: "กรองตามสถานะ", en: "Filter by status" },
  "follow.allStatuses": { th: "ทุกสถานะ", en: "All statuses" },
  "follow.export": { th: "ส่งออก CSV", en: "Export CSV" },
  "follow.exportXlsx": { th: "ส่งออก Excel (XLSX)", en: "Export Excel (XLSX)" },
  "follow.onlyAdopted": {
    th: "ติดตามผลได้เมื่อฉบับได้รับรองแล้ว",
    en: "Follow-up starts once the edition is adopted",
  },
  "follow.summary": { th: "สรุปสถานะ", en: "Status summary" },

  "progress.not_started": { th: "ยังไม่เริ่ม", en: "Not started" },
  "progress.in_progress": { th: "กำลังดำเนินการ", en: "In progress" },
  "progress.done": { th: "ดำเนินการแล้ว", en: "Done" },
  "progress.needs_revision": { th: "ต้องทบทวน", en: "Needs revision" },

  "link.project": { th: "โครงการ", en: "Project" },
  "link.indicator": { th: "ตัวชี้วัด", en: "Indicator" },
  "link.partner": { th: "ภาคีที่รับผิดชอบ", en: "Responsible partner" },
  "link.other": { th: "อื่น ๆ", en: "Other" },
  "link.plans.project": { th: "โครงการในแผนพัฒนา", en: "Project of the plan" },
  "link.plans.indicator": { th: "ตัวชี้วัดของแผนพัฒนา", en: "Indicator of the plan" },
  "link.plan_strategy": { th: "ยุทธศาสตร์ของแผนพัฒนา", en: "Strategy of the plan" },
} satisfies Record<string, Msg>;
