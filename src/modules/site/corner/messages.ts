import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the members' corner (part of the site dictionary). */
export const cornerMessages = {
  "corner.title": { th: "มุมสมาชิก", en: "Members' corner" },
  "corner.intro": {
    th: "พื้นที่ของสมาชิกในตำบล เขียนเล่าเรื่อง แบ่งปันภาพ และแสดงความคิดเห็น โพสต์จะแสดงเมื่อเจ้าหน้าที่ตรวจแล้ว",
    en: "A space for the tambon's members to tell stories, share photos and comment. Posts appear once an editor has checked them.",
  },
  "corner.none": { th: "ยังไม่มีโพสต์", en: "No posts yet" },
  "corner.write": { th: "เขียนโพสต์", en: "Write a post" },
  "corner.loginToWrite": {
    th: "เข้าสู่ระบบในฐานะสมาชิกของตำบลเพื่อเขียนโพสต์",
    en: "Log in as a member of this tambon to write a post",
  },
  "corner.postTitle": { th: "หัวข้อ", en: "Title" },
  "corner.body": { th: "ข้อความ", en: "Text" },
  "corner.photos": { th: "ภาพ (ไม่เกิน 4 ภาพ)", en: "Photos (up to 4)" },
  "corner.submit": { th: "ส่งโพสต์", en: "Send the post" },
  "corner.sent": {
    th: "ส่งโพสต์แล้ว จะแสดงเมื่อเจ้าหน้าที่ตรวจแล้ว",
    en: "Post sent; it appears once an editor has checked it",
  },
  "corner.by": { th: "โดย {name}", en: "By {name}" },
  "corner.comments": { th: "ความคิดเห็น", en: "Comments" },
  "corner.noComments": { th: "ยังไม่มีความคิดเห็น", en: "No comments yet" },
  "corner.comment": { th: "แสดงความคิดเห็น", en: "Comment" },
  "corner.commentSent": { th: "บันทึกความคิดเห็นแล้ว", en: "Comment saved" },
  "corner.report": { th: "แจ้งเนื้อหาไม่เหมาะสม", en: "Report abuse" },
  "corner.reportReason": { th: "เหตุผล", en: "Reason" },
  "corner.reported": {
    th: "ขอบคุณ เจ้าหน้าที่จะตรวจสอบ",
    en: "Thank you; an editor will look at it",
  },
  "corner.pending": { th: "รอตรวจ", en: "Awaiting review" },
  "corner.hidden": { th: "ซ่อนแล้ว", en: "Hidden" },
  "corner.approved": { th: "แสดงแล้ว", en: "Shown" },
} satisfies Record<string, Msg>;
