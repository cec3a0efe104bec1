import type { AuditActions } from "../../core/audit-text.ts";

/** How the community data's audit actions read in the audit log. */
export const communityAuditActions: AuditActions = {
  "community.settings": { th: "ตั้งค่าข้อมูลชุมชน", en: "Changed the community settings" },
  "community.export": { th: "ส่งออกข้อมูลชุมชน", en: "Exported community data" },
  "community.figures.import": { th: "นำเข้าตัวเลขชุมชน", en: "Imported community figures" },
  "community.people.import": { th: "นำเข้ารายชื่อประชากร", en: "Imported people" },
  "community.person.create": { th: "เพิ่มข้อมูลบุคคล", en: "Added a person" },
  "community.person.update": { th: "แก้ไขข้อมูลบุคคล", en: "Changed a person" },
  "community.household.create": { th: "เพิ่มครัวเรือน", en: "Added a household" },
  "community.household.update": { th: "แก้ไขครัวเรือน", en: "Changed a household" },
  "community.form.create": { th: "สร้างแบบสำรวจ", en: "Created a survey form" },
  "community.form.draft": { th: "แก้ไขร่างแบบสำรวจ", en: "Edited a survey draft" },
  "community.form.publish": { th: "เผยแพร่แบบสำรวจ", en: "Published a survey form" },
  "community.form.status": { th: "เปลี่ยนสถานะแบบสำรวจ", en: "Changed a survey's status" },
  "community.round.create": { th: "เปิดรอบสำรวจ", en: "Opened a survey round" },
  "community.round.close": { th: "ปิดรอบสำรวจ", en: "Closed a survey round" },
  "community.submission.sync": { th: "รับข้อมูลสำรวจจากโทรศัพท์", en: "Received survey answers" },
  "community.submission.resolve": { th: "ตรวจแก้ข้อมูลสำรวจ", en: "Resolved a submission" },
  "community.submissions.import": { th: "นำเข้าข้อมูลสำรวจ", en: "Imported survey answers" },
  "community.submissions.export": { th: "ส่งออกข้อมูลสำรวจ", en: "Exported survey answers" },
  "community.indicator.link": { th: "เชื่อมข้อมูลกับตัวชี้วัด", en: "Linked data to an indicator" },
  "community.indicator.unlink": { th: "ยกเลิกการเชื่อมตัวชี้วัด", en: "Unlinked an indicator" },
  "community.request.create": { th: "รับคำขอเรื่องข้อมูลส่วนบุคคล", en: "Received a privacy request" },
  "community.request.done": { th: "ดำเนินการคำขอแล้ว", en: "Carried out a privacy request" },
  "community.request.refused": { th: "ปฏิเสธคำขอ", en: "Refused a privacy request" },
  "community.retention.erase": { th: "ลบข้อมูลที่เกินระยะเก็บรักษา", en: "Erased expired data" },
};
