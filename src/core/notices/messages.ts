import { defineMessages } from "../i18n/index.ts";

/** UI strings of notices: LINE settings, a member's choices and link, the admin's log. */
export const nmsg = defineMessages("notices", {
  "notices.title": { th: "การแจ้งเตือน", en: "Notices" },
  "notices.mine": { th: "การแจ้งเตือนของฉัน", en: "My notices" },
  "notices.intro": {
    th: "เลือกเรื่องที่ต้องการรับแจ้งทางไลน์ (LINE) และอีเมล",
    en: "Choose what you hear about by LINE and by e-mail.",
  },
  "notices.kind": { th: "เรื่อง", en: "About" },
  "notices.line": { th: "ไลน์ (LINE)", en: "LINE" },
  "notices.email": { th: "อีเมล", en: "E-mail" },
  "notices.save": { th: "บันทึกการเลือก", en: "Save my choices" },
  "notices.saved": { th: "บันทึกการเลือกแล้ว", en: "Your choices are saved" },
  "notices.noEmail": {
    th: "บัญชีของคุณยังไม่มีอีเมล จึงยังไม่ได้รับแจ้งทางอีเมล",
    en: "Your account has no e-mail address, so nothing is sent by e-mail.",
  },
  "notices.membersOnly": {
    th: "การแจ้งเตือนมีสำหรับสมาชิกที่ยืนยันแล้วของตำบล",
    en: "Notices are for confirmed members of the tambon.",
  },
  "line.heading": { th: "เชื่อมบัญชีไลน์", en: "Link your LINE account" },
  "line.notSet": {
    th: "ตำบลยังไม่ได้ตั้งค่าบัญชีไลน์ทางการ (LINE Official Account)",
    en: "The tambon has not set up its LINE Official Account yet.",
  },
  "line.linked": {
    th: "เชื่อมบัญชีไลน์แล้วเมื่อ {date}",
    en: "Your LINE account is linked since {date}.",
  },
  "line.unlink": { th: "เลิกเชื่อมบัญชีไลน์", en: "Unlink LINE" },
  "line.unlinked": { th: "เลิกเชื่อมบัญชีไลน์แล้ว", en: "LINE is unlinked" },
  "line.getCode": { th: "ขอรหัสเชื่อมบัญชี", en: "Get a link code" },
  "line.codeMade": { th: "ได้รหัสเชื่อมบัญชีแล้ว", en: "Here is your link code" },
  "line.steps": {
    th: "สแกนคิวอาร์โค้ดด้วยโทรศัพท์: เพิ่มเพื่อนบัญชีไลน์ของตำบล แล้วส่งรหัสนี้ในแชต รหัสใช้ได้ถึง {time}",
    en: "Scan the QR code with your phone: add the tambon's LINE account as a friend, then send this code in the chat. The code works until {time}.",
  },
  "line.code": { th: "รหัสเชื่อมบัญชี", en: "Link code" },
  "line.qr": {
    th: "คิวอาร์โค้ด: เพิ่มเพื่อนและส่งรหัส {code}",
    en: "QR code: add friend and send the code {code}",
  },
  "line.openLink": { th: "เปิดในไลน์บนโทรศัพท์นี้", en: "Open in LINE on this phone" },
  "admin.log": { th: "บันทึกการแจ้งเตือน", en: "Notices sent" },
  "admin.lineSettings": { th: "ตั้งค่าไลน์ของตำบล", en: "The tambon's LINE settings" },
  "admin.lineIntro": {
    th: "ใส่ข้อมูลช่องทาง Messaging API ของบัญชีไลน์ทางการของตำบล (จาก LINE Developers Console) แล้วตั้ง Webhook URL ของช่องทางเป็นที่อยู่ด้านล่าง",
    en: "Enter the Messaging API channel of the tambon's LINE Official Account (from the LINE Developers Console), and set the channel's webhook URL to the address below.",
  },
  "admin.webhook": { th: "Webhook URL", en: "Webhook URL" },
  "admin.basicId": { th: "ไอดีบัญชีไลน์ (Basic ID)", en: "Account's basic ID" },
  "admin.basicIdHint": { th: "เช่น @123abcde", en: "e.g. @123abcde" },
  "admin.token": { th: "Channel access token", en: "Channel access token" },
  "admin.secret": { th: "Channel secret", en: "Channel secret" },
  "admin.keepHint": {
    th: "ที่บันทึกไว้: {hint} — เว้นว่างไว้เพื่อใช้ค่าเดิม",
    en: "Kept: {hint} — leave empty to keep it",
  },
  "admin.saveLine": { th: "บันทึกการตั้งค่าไลน์", en: "Save the LINE settings" },
  "admin.lineSaved": { th: "บันทึกการตั้งค่าไลน์แล้ว", en: "The LINE settings are saved" },
  "admin.removeLine": { th: "ลบการตั้งค่าไลน์", en: "Remove the LINE settings" },
  "admin.removeConfirm": {
    th: "ยืนยันการลบ: สมาชิกจะไม่ได้รับแจ้งทางไลน์อีก",
    en: "Yes, remove them: members will get nothing by LINE",
  },
  "admin.lineRemoved": { th: "ลบการตั้งค่าไลน์แล้ว", en: "The LINE settings are removed" },
  "admin.linkedCount": {
    th: "สมาชิกที่เชื่อมบัญชีไลน์แล้ว: {n} คน",
    en: "Members who linked LINE: {n}",
  },
  "admin.unreachable": {
    th: "ติดต่อไลน์ไม่ได้ตั้งแต่ {time} — มี {n} ข้อความรอส่ง ระบบจะลองส่งใหม่เอง",
    en: "LINE unreachable since {time} — {n} waiting; they will be sent when it answers again.",
  },
  "admin.noMail": {
    th: "ยังไม่ได้ตั้งค่าการส่งอีเมลของระบบ — มี {n} อีเมลรอส่ง",
    en: "E-mail is not set up on this server — {n} e-mails waiting.",
  },
  "admin.counts": {
    th: "รอส่ง {waiting} · ส่งแล้ว {sent} · ส่งไม่สำเร็จ {failed}",
    en: "Waiting {waiting} · sent {sent} · failed {failed}",
  },
  "admin.filter": { th: "สถานะ", en: "Status" },
  "admin.all": { th: "ทั้งหมด", en: "All" },
  "admin.empty": { th: "ยังไม่มีการแจ้งเตือน", en: "No notices yet" },
  "col.when": { th: "เมื่อ", en: "When" },
  "col.to": { th: "ถึง", en: "To" },
  "col.channel": { th: "ช่องทาง", en: "Channel" },
  "col.kind": { th: "เรื่อง", en: "About" },
  "col.status": { th: "สถานะ", en: "Status" },
  "col.attempts": { th: "ครั้งที่ลอง", en: "Attempts" },
  "status.waiting": { th: "รอส่ง", en: "Waiting" },
  "status.sending": { th: "กำลังส่ง", en: "Sending" },
  "status.sent": { th: "ส่งแล้ว", en: "Sent" },
  "status.failed": { th: "ส่งไม่สำเร็จ", en: "Failed" },
  "err.basicId": {
    th: "ไอดีบัญชีไลน์ขึ้นต้นด้วย @ เช่น @123abcde",
    en: "The basic ID starts with @, e.g. @123abcde",
  },
  "err.token": {
    th: "Channel access token ไม่ถูกต้อง (ตัวอักษรอังกฤษ ตัวเลข และ +/=, ยาวอย่างน้อย 20 ตัว)",
    en: "The channel access token is not valid (letters, digits and +/=, at least 20)",
  },
  "err.secret": {
    th: "Channel secret คือตัวเลขฐานสิบหก 32 ตัว",
    en: "The channel secret is 32 hexadecimal characters",
  },
  "mail.subject": { th: "แจ้งเตือนจาก {tambon}", en: "Notice from {tambon}" },
});

export type NoticesKey = keyof typeof nmsg.messages;
