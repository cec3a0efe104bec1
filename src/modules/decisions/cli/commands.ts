// The decisions module's `tambon` commands, declared in its manifest. The CLI reads this file on
// every run, so it imports only specifications; each command's code is loaded when it runs.
import { DATABASE_EN, DATABASE_TH, type CommandSpec } from "../../../core/cli.ts";

/** tally, tick and export-question. */
export const decisionsCommands: CommandSpec[] = [
  {
    name: "tally",
    args: "FILE|-",
    positionals: [1, 1],
    usage: ["tally [--summary] FILE|-", "tally --verify FILE"],
    summary: "นับคะแนนแบบประชาธิปไตยลื่นไหล (JSON) / count a fluid-democracy vote (JSON in, JSON out)",
    about: `นับคะแนนของหนึ่งคำถาม (ประชาธิปไตยลื่นไหล จัดอันดับแบบ Schulze) จากไฟล์ JSON หรือจากอินพุตมาตรฐานเมื่อ FILE เป็น "-"
แล้วพิมพ์ผลเป็น JSON หนึ่งบรรทัด ไม่ใช้ฐานข้อมูล
เมื่อใช้ --verify: FILE คือไฟล์จาก export-question ซึ่งจะถูกนับซ้ำและตรวจค่าแฮชทุกค่า
สถานะเมื่อจบ: 0 นับแล้ว (หรือตรวจผ่าน), 1 อ่านข้อมูลไม่ได้หรือข้อมูลไม่ถูกต้อง, 2 ใช้คำสั่งผิด

Counts the votes of one question (fluid democracy, Schulze ranking) from a JSON file, or from
standard input when FILE is "-", and prints the result as one line of JSON; no database.
With --verify, FILE is a file written by export-question: it is counted again and every hash
is checked. Exit status: 0 counted (or verified), 1 unreadable or invalid input, 2 wrong usage.`,
    options: {
      summary: {
        type: "boolean",
        help: "ไม่แสดงน้ำหนักและสายการมอบสิทธิ์ / omit weights and chains",
      },
      verify: {
        type: "boolean",
        help: "นับซ้ำไฟล์จาก export-question และตรวจค่าแฮช / recount an export-question file and check its hashes",
      },
    },
    load: () => import("./tally.ts"),
  },
  {
    name: "tick",
    positionals: [0, 0],
    summary:
      "เลื่อนขั้นเรื่องที่ถึงกำหนดและส่งการแจ้งเตือน (สำหรับ cron) / move questions whose phase ended, send notifications (for cron)",
    about: `ทำงานเบื้องหลังหนึ่งรอบ (เลื่อนขั้นตามเวลา เตือน ส่งอีเมลผ่าน SMTP_URL) เหมือนที่ serve ทำทุก 30 วินาที
${DATABASE_TH}

One pass of the scheduler (phases on time, reminders, e-mail through SMTP_URL), as serve does
every 30 seconds. ${DATABASE_EN}`,
    options: {},
    load: () => import("./tick.ts"),
  },
  {
    name: "export-question",
    args: "ID",
    positionals: [1, 1],
    usage: ["export-question ID --tambon SLUG"],
    summary:
      "ส่งออกบัตร การมอบสิทธิ์ และสมาชิก ณ เวลาปิด (JSON) / write the ballots, delegations and members at closing (JSON)",
    about: `พิมพ์ข้อมูลของคำถามที่ปิดแล้ว ณ เวลาปิด ผลการนับ และสายแฮช เป็น JSON ให้ตรวจได้ด้วย tambon tally --verify

Prints a closed question's input at closing, its result and its hash chain as JSON, for
tambon tally --verify. ${DATABASE_EN}`,
    options: {
      tambon: { type: "string", value: "SLUG", help: "ตำบลของคำถาม / the question's tambon" },
    },
    load: () => import("./export-question.ts"),
  },
];
