// The community-data module's `tambon` commands, declared in its manifest. The CLI reads this
// file on every run, so it imports only specifications; the command's code loads when it runs.
import { DATABASE_EN, DATABASE_TH, type CommandSpec } from "../../../core/cli.ts";

/** import. */
export const communityCommands: CommandSpec[] = [
  {
    name: "import",
    args: "KIND FILE",
    positionals: [2, 2],
    usage: [
      "import people FILE --tambon SLUG [--dry-run]",
      "import submissions FILE --tambon SLUG --form ID --round ID [--dry-run]",
      "import figures FILE --tambon SLUG [--dry-run]",
    ],
    summary:
      "นำเข้าครัวเรือนและบุคคล แบบที่กรอกจาก ODK/Kobo หรือตัวเลขสรุป (CSV/XLSX) / import people, ODK/Kobo submissions or summary figures (CSV/XLSX)",
    about: `นำเข้าข้อมูลชุมชนของตำบลจากไฟล์ CSV (UTF-8 หรือ windows-874/TIS-620) หรือ XLSX ชนิด KIND คือ
  people       หนึ่งแถวต่อหนึ่งคน: หมู่ที่ บ้านเลขที่ ชื่อ-สกุล เลขประจำตัวประชาชน วันเกิด เพศ ความสัมพันธ์
  submissions  ไฟล์ที่ส่งออกจาก ODK/KoboToolbox เข้าแบบสำรวจ --form และรอบ --round
  figures      ตัวเลขสรุปแบบ จปฐ.: หมู่ที่ ปี รหัส รายการ จำนวน จากทั้งหมด
ชื่อคอลัมน์จับคู่อัตโนมัติตามชื่อไทยหรืออังกฤษ ตรวจทุกแถวก่อน หากมีแถวผิดจะพิมพ์เลขแถว คอลัมน์ และเหตุผล
และไม่บันทึกอะไรเลย นำเข้าไฟล์เดิมซ้ำจะไม่เกิดข้อมูลซ้ำ ไฟล์ CSV และแผ่นงานแรกของ XLSX อ่านทีละส่วน (ไฟล์ล้านแถวได้)
แถบความคืบหน้าแสดงทางข้อผิดพลาดมาตรฐาน (stderr) ผลสรุปพิมพ์เป็น JSON หนึ่งบรรทัด
สถานะเมื่อจบ: 0 นำเข้าแล้ว (หรือตรวจผ่าน), 1 มีแถวผิดหรืออ่านไฟล์ไม่ได้, 2 ใช้คำสั่งผิด
${DATABASE_TH}

Imports a tambon's community data from a CSV (UTF-8 or windows-874/TIS-620) or XLSX file. KIND is
  people       one row a person: village moo, house number, name, Thai ID, birth date, sex, relation
  submissions  a file exported from ODK/KoboToolbox, into form --form and round --round
  figures      BMN-style summaries: village moo, year, code, label, count, out of
Columns are matched by their Thai or English names. Every row is checked first; with any bad row
its row number, column and reason are printed and nothing is stored. Importing the same file again
duplicates nothing. A CSV file and a workbook's first sheet are read in pieces (a million rows is fine). A progress bar goes to
standard error; the summary is one line of JSON. Exit status: 0 imported (or checked), 1 bad rows
or unreadable file, 2 wrong usage. ${DATABASE_EN}`,
    options: {
      tambon: { type: "string", value: "SLUG", help: "ตำบลที่นำเข้า / the tambon to import into" },
      form: {
        type: "string",
        value: "ID",
        help: "แบบสำรวจ (submissions) / the form (submissions)",
      },
      round: {
        type: "string",
        value: "ID",
        help: "รอบการสำรวจ (submissions) / the round (submissions)",
      },
      "dry-run": {
        type: "boolean",
        help: "ตรวจอย่างเดียว ไม่บันทึก / check only, store nothing",
      },
    },
    load: () => import("./import.ts"),
  },
];
