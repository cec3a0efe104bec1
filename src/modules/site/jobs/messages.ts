import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of job postings (part of the site dictionary). */
export const jobMessages = {
  "jobs.title": { th: "ตลาดงาน", en: "Job market" },
  "jobs.intro": {
    th: "ประกาศรับสมัครงานในตำบลและลิงก์ไปยังศูนย์ข้อมูลตลาดแรงงาน ประกาศที่ปิดรับสมัครแล้วจะซ่อนเอง",
    en: "Jobs in and around the tambon and links to the labour-market information centre. Closed postings hide themselves.",
  },
  "jobs.none": { th: "ยังไม่มีประกาศรับสมัครงานที่เปิดอยู่", en: "No open job postings" },
  "jobs.jobTitle": { th: "ตำแหน่งงาน", en: "Job title" },
  "jobs.employer": { th: "ผู้จ้าง/สถานประกอบการ", en: "Employer" },
  "jobs.place": { th: "สถานที่ทำงาน", en: "Place" },
  "jobs.wage": { th: "ค่าจ้าง", en: "Wage" },
  "jobs.contact": { th: "ติดต่อ", en: "Contact" },
  "jobs.details": { th: "รายละเอียด", en: "Details" },
  "jobs.closesOn": { th: "ปิดรับสมัคร", en: "Closing date" },
  "jobs.closesOnDate": { th: "ปิดรับสมัคร {date}", en: "Closes {date}" },
  "jobs.post": { th: "ลงประกาศรับสมัครงาน", en: "Post a job" },
  "jobs.sent": {
    th: "ส่งประกาศแล้ว จะแสดงเมื่อเจ้าหน้าที่ตรวจแล้ว",
    en: "Posting sent; it appears once an editor has checked it",
  },
  "jobs.loginToPost": {
    th: "เข้าสู่ระบบในฐานะสมาชิกของตำบลเพื่อลงประกาศ",
    en: "Log in as a member of this tambon to post a job",
  },
  "jobs.links": { th: "ลิงก์ตลาดงาน", en: "Job-market links" },
  "jobs.closed": { th: "ปิดรับสมัครแล้ว", en: "Closed" },
  "jobs.approve": { th: "อนุมัติ", en: "Approve" },
  "jobs.hide": { th: "ซ่อน", en: "Hide" },
  "jobs.pastClose": { th: "วันปิดรับสมัครต้องไม่อยู่ในอดีต", en: "The closing date cannot be past" },
} satisfies Record<string, Msg>;
