import type { AuditActions } from "../../core/audit-text.ts";

const question = (slug: string, id: string) => `/t/${slug}/decisions/${id}`;

/** How the decisions audit actions read in the audit log. */
export const decisionsAuditActions: AuditActions = {
  "question.open": { th: "เปิดประเด็นให้ตัดสินใจ", en: "Opened a question", href: question },
  "question.phase": { th: "เปลี่ยนขั้นตอนของประเด็น", en: "Moved a question on", href: question },
  "alternative.add": { th: "เพิ่มข้อเสนอ", en: "Added an alternative" },
  "alternative.edit": { th: "แก้ไขข้อเสนอ", en: "Changed an alternative" },
  "alternative.support": { th: "สนับสนุนข้อเสนอ", en: "Supported an alternative" },
  "alternative.unsupport": { th: "ถอนการสนับสนุนข้อเสนอ", en: "Withdrew support" },
  "ballot.cast": { th: "ลงคะแนน", en: "Voted" },
  "ballot.record": { th: "บันทึกบัตรลงคะแนน", en: "Recorded a ballot" },
  "ballot.withdraw": { th: "ถอนบัตรลงคะแนน", en: "Withdrew a ballot" },
  "delegation.set": { th: "มอบสิทธิ์ลงคะแนน", en: "Delegated a vote" },
  "delegation.revoke": { th: "ยกเลิกการมอบสิทธิ์", en: "Revoked a delegation" },
  "suggestion.add": { th: "เพิ่มข้อเสนอแนะ", en: "Added a suggestion" },
  "suggestion.rate": { th: "ให้คะแนนข้อเสนอแนะ", en: "Rated a suggestion" },
  "suggestion.fulfilled": { th: "ทำตามข้อเสนอแนะแล้ว", en: "Fulfilled a suggestion" },
  "votingRules.create": { th: "ตั้งกติกาการลงคะแนน", en: "Set the voting rules" },
  "votingRules.update": { th: "แก้ไขกติกาการลงคะแนน", en: "Changed the voting rules" },
  "notification.prefs": { th: "ตั้งค่าการแจ้งเตือน", en: "Set notification preferences" },
  "notification.read": { th: "อ่านการแจ้งเตือน", en: "Read notifications" },
};
