import type { AuditActions } from "../../core/audit-text.ts";

const meeting = (slug: string, id: string) => `/t/${slug}/admin/meetings/${id}`;

/** How the groups-and-meetings audit actions read in the audit log. */
export const groupsAuditActions: AuditActions = {
  "groups.demo": { th: "เพิ่มกลุ่มและการประชุมตัวอย่าง", en: "Added demo groups and meetings" },
  "group.create": { th: "ตั้งกลุ่ม", en: "Formed a group" },
  "group.update": { th: "แก้ไขกลุ่ม", en: "Changed a group" },
  "group.member.add": { th: "เพิ่มสมาชิกกลุ่ม", en: "Added a group member" },
  "group.member.end": { th: "สิ้นสุดสมาชิกภาพในกลุ่ม", en: "Ended a group membership" },
  "rep.term.record": { th: "บันทึกผู้แทนหมู่บ้าน", en: "Recorded a village representative" },
  "rep.term.end": { th: "สิ้นสุดวาระผู้แทนหมู่บ้าน", en: "Ended a representative's term" },
  "nomination.create": { th: "เสนอชื่อ", en: "Made a nomination" },
  "nomination.withdraw": { th: "ถอนการเสนอชื่อ", en: "Withdrew a nomination" },
  "meeting.create": { th: "นัดประชุม", en: "Scheduled a meeting", href: meeting },
  "meeting.update": { th: "แก้ไขการประชุม", en: "Changed a meeting", href: meeting },
  "meeting.confirm": { th: "รับรองการประชุม", en: "Confirmed a meeting", href: meeting },
  "meeting.file.add": { th: "แนบไฟล์การประชุม", en: "Attached a meeting file" },
  "meeting.file.delete": { th: "ลบไฟล์การประชุม", en: "Removed a meeting file" },
  "meeting.file.reencode": { th: "ปรับไฟล์ภาพการประชุม", en: "Re-encoded a meeting picture" },
  "agenda.create": { th: "เพิ่มวาระการประชุม", en: "Added an agenda item" },
  "agenda.update": { th: "แก้ไขวาระการประชุม", en: "Changed an agenda item" },
  "agenda.delete": { th: "ลบวาระการประชุม", en: "Removed an agenda item" },
  "attendance.record": { th: "บันทึกผู้เข้าประชุม", en: "Recorded attendance" },
  "attendance.sheet": { th: "บันทึกผู้เข้าประชุมทั้งหมู่บ้าน", en: "Recorded a village's attendance" },
  "attendance.bulk": { th: "บันทึกผู้เข้าประชุมหลายคน", en: "Recorded attendance in bulk" },
  "attendance.remove": { th: "ลบชื่อผู้เข้าประชุม", en: "Removed an attendance" },
  "attendance.self": { th: "ลงชื่อเข้าประชุมด้วยตนเอง", en: "Checked in to a meeting" },
  "attendance.self.wrong_code": {
    th: "ใส่รหัสลงชื่อเข้าประชุมผิด",
    en: "Entered a wrong check-in code",
  },
  "resolution.record": { th: "บันทึกมติ", en: "Recorded a resolution" },
  "resolution.correct": { th: "แก้ไขมติ", en: "Corrected a resolution" },
  "resolution.delete": { th: "ลบมติ", en: "Removed a resolution" },
};
