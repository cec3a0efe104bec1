/** UI strings of rounds (merged into the module's dictionary in ../messages.ts). */
export const roundsMessages = {
  "round.title": { th: "รอบการสำรวจ", en: "Survey rounds" },
  "round.none": { th: "ยังไม่มีรอบการสำรวจ", en: "No rounds yet" },
  "round.name": { th: "ชื่อรอบ", en: "Name" },
  "round.nameHint": { th: "เช่น 2569", en: "e.g. 2569" },
  "round.startsOn": { th: "วันเริ่ม", en: "First day" },
  "round.endsOn": { th: "วันสิ้นสุด", en: "Last day" },
  "round.status": { th: "สถานะ", en: "Status" },
  "round.status.open": { th: "เปิดอยู่", en: "Open" },
  "round.status.closed": { th: "ปิดแล้ว", en: "Closed" },
  "round.add": { th: "เปิดรอบใหม่", en: "Open a new round" },
  "round.created": { th: "เปิดรอบการสำรวจแล้ว", en: "Round opened" },
  "round.close": { th: "ปิดรอบ", en: "Close the round" },
  "round.closedDone": { th: "ปิดรอบการสำรวจแล้ว", en: "Round closed" },
  "round.endBeforeStart": {
    th: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
    en: "The last day cannot be before the first",
  },
} as const;
