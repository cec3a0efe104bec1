// The commands of `tambon`: names, options and help texts, the core's and the modules'. This file
// is read on every run, so it imports only specifications; each command's code is loaded by `load`
// only when that command runs.
import { DATABASE_EN, DATABASE_TH, type CommandSpec, type OptionSpec } from "../core/cli.ts";
import { moduleCommands } from "../modules/commands.ts";

export type { CommandArgs, CommandModule, CommandSpec } from "../core/cli.ts";

/** The options of the commands that apply a setup file (`tambons add`, `users import`). */
const SETUP_FILE_OPTIONS: Record<string, OptionSpec> = {
  "dry-run": { type: "boolean", help: "ตรวจอย่างเดียว ไม่บันทึก / check only, store nothing" },
  as: {
    type: "string",
    value: "USERNAME",
    help: "ทำในนามผู้ดูแลเครือข่ายคนนี้ / act as this network administrator",
  },
};

/** Every command: the core's, then those the build's modules declare. */
export const COMMANDS: CommandSpec[] = [
  {
    name: "serve",
    positionals: [0, 0],
    summary: "เปิดเว็บเซิร์ฟเวอร์ / start the web server",
    about: `เปิดเว็บเซิร์ฟเวอร์ที่ HOST:PORT (127.0.0.1:3000) และทำงานเบื้องหลังตามรอบ หยุดด้วย Ctrl-C หรือ SIGTERM
${DATABASE_TH}

Serves the platform on HOST:PORT (127.0.0.1:3000) and runs the background jobs on their
intervals; stops gracefully on Ctrl-C or SIGTERM. ${DATABASE_EN}`,
    options: {
      "demo-on-first-start": {
        type: "boolean",
        help: "โหลดข้อมูลสาธิตเมื่อฐานข้อมูลยังว่าง / load the demo network into an empty database",
      },
    },
    load: () => import("./commands/serve.ts"),
  },
  {
    name: "migrate",
    positionals: [0, 0],
    summary: "ปรับโครงสร้างฐานข้อมูลให้เป็นปัจจุบัน / apply pending database migrations",
    about: `เปิดฐานข้อมูล (PostgreSQL จาก DATABASE_URL หรือ PGlite ฝังตัวใน TAMBON_DATA_DIR) แล้วปรับโครงสร้างตาม drizzle/ ที่ยังไม่ได้ทำ
คำสั่งอื่นที่ใช้ฐานข้อมูลก็ทำเช่นนี้ก่อนเริ่มงาน

Opens the database (PostgreSQL at DATABASE_URL, or embedded PGlite in TAMBON_DATA_DIR) and
applies the migrations in drizzle/ that it has not had yet; the other commands that use the
database do the same before they start.`,
    options: {},
    load: () => import("./commands/migrate.ts"),
  },
  {
    name: "demo",
    positionals: [0, 0],
    summary:
      "โหลดเครือข่ายสาธิต (ละงู ล้อมแรด เกาะคา) / load the demo network (La-ngu, Lom Raet, Ko Kha)",
    about: `เพิ่มตำบลสาธิตที่ยังไม่มี และบัญชีสาธิต (รหัสผ่าน tambon-demo) สั่งซ้ำได้
${DATABASE_TH}

Adds the demo tambons that are not there yet and their demo logins (password tambon-demo);
safe to run again. ${DATABASE_EN}`,
    options: {},
    load: () => import("./commands/demo.ts"),
  },
  {
    name: "create-admin",
    positionals: [0, 0],
    usage: ["create-admin --name NAME (--username U | --phone P | --email E) [--password-stdin]"],
    summary: "สร้างผู้ดูแลเครือข่าย / create a network administrator",
    about: `สร้างบัญชีผู้ดูแลเครือข่าย ต้องระบุ --name และอย่างน้อยหนึ่งใน --username --phone --email
รหัสผ่าน (อย่างน้อย 8 ตัวอักษร) จาก TAMBON_ADMIN_PASSWORD หรือจากอินพุตมาตรฐานเมื่อใช้ --password-stdin

Creates a network administrator. Give --name and at least one of --username, --phone and
--email; the password (8 characters or more) comes from TAMBON_ADMIN_PASSWORD, or from standard
input with --password-stdin. ${DATABASE_EN}`,
    options: {
      name: { type: "string", value: "NAME", help: "ชื่อ นามสกุล / full name" },
      username: {
        type: "string",
        value: "U",
        help: "ชื่อผู้ใช้ (a-z 0-9 . -) / user name (a-z, 0-9, dot, dash)",
      },
      phone: { type: "string", value: "P", help: "เบอร์โทรศัพท์ / Thai phone number" },
      email: { type: "string", value: "E", help: "อีเมล / e-mail address" },
      "password-stdin": {
        type: "boolean",
        help: "อ่านรหัสผ่านจากอินพุตมาตรฐาน / read the password from standard input",
      },
    },
    load: () => import("./commands/create-admin.ts"),
  },
  {
    name: "reencode-images",
    positionals: [0, 0],
    summary:
      "ลบข้อมูล EXIF/GPS จากภาพการประชุมและโลโก้ที่เก็บไว้ก่อน / strip EXIF/GPS from meeting photos and logos stored before",
    about: `บันทึกภาพการประชุมที่ยังมีข้อมูล EXIF หรือตำแหน่ง GPS และโลโก้ที่เป็น SVG หรือไฟล์เดิม ใหม่ผ่านขั้นตอนเดียวกับการอัปโหลด
(หมุนภาพให้ตั้งตรง ไม่เก็บข้อมูลแฝง วาด SVG เป็นภาพ WebP) สั่งซ้ำได้ สั่งครั้งเดียวหลังปรับรุ่น แล้วเริ่ม serve ใหม่
${DATABASE_TH}

Stores again, through the upload pipeline, the meeting photos that still carry EXIF or a GPS
position and the tambon logos kept as SVG or as uploaded (turned upright, no metadata, SVG drawn
into a WebP). Safe to run again; run it once after upgrading, then restart serve. ${DATABASE_EN}`,
    options: {},
    load: () => import("./commands/reencode-images.ts"),
  },
  {
    name: "tambons",
    args: "add FILE",
    positionals: [2, 2],
    usage: ["tambons add FILE [--dry-run] [--as USERNAME]"],
    summary: "เพิ่มหลายตำบลจากไฟล์ CSV/XLSX / add tambons from a CSV or XLSX file",
    about: `เพิ่มตำบลทีละหลายตำบลอย่างที่หน้าผู้ดูแลเครือข่ายเพิ่มทีละตำบล หนึ่งแถวต่อหนึ่งตำบล คอลัมน์ (ชื่อไทยหรืออังกฤษ):
  dopa_code (รหัสตำบล 6 หลัก ต้องมี)  slug  kind (อบต./เทศบาลตำบล)  name_th  name_en  province  district
  admin (ชื่อผู้ใช้ เบอร์โทรศัพท์ หรืออีเมลของผู้ดูแลตำบล; ยังไม่มีบัญชีจะได้ลิงก์คำเชิญ)  admin_name
ชื่อ จังหวัด และอำเภอ ใช้ตรวจว่ารหัสถูกตำบล ตรวจทุกแถวก่อน หากมีแถวผิดจะพิมพ์เลขแถวและเหตุผล และไม่บันทึกอะไรเลย
ตำบลที่มีอยู่แล้ว (รหัสและ slug เดิม) ข้ามไป สั่งไฟล์เดิมซ้ำได้ บันทึกในบันทึกการเปลี่ยนแปลงในนามผู้ดูแลเครือข่าย
(--as หรือผู้ดูแลเครือข่ายคนเดียวที่มี) ลิงก์คำเชิญพิมพ์ออกมา และส่งทางอีเมลเมื่อตั้ง SMTP_URL ไว้ ผลสรุปเป็น JSON หนึ่งบรรทัด สถานะเมื่อจบ: 0 สำเร็จ, 1 มีแถวผิด, 2 ใช้คำสั่งผิด
${DATABASE_TH}

Adds many tambons as the network administration page adds one; one row a tambon. Columns (Thai
or English names): dopa_code (6 digits, required), slug, kind (sao or municipality), name_th,
name_en, province, district, admin (username, phone or e-mail of the first admin; someone
without an account gets an invitation link), admin_name. Names, province and district check
that the code is the tambon meant. Every row is checked first; with any bad row its number and
reason are printed and nothing is stored. A tambon already there (same code and slug) is skipped,
so the same file can be run again. Audited as the network administrator (--as, or the only one).
Invitation links are printed, and e-mailed when SMTP_URL is set. The summary is one line of JSON. Exit status: 0 done, 1 bad rows, 2 wrong usage. ${DATABASE_EN}`,
    options: SETUP_FILE_OPTIONS,
    load: () => import("./commands/tambons.ts"),
  },
  {
    name: "users",
    args: "import FILE",
    positionals: [2, 2],
    usage: ["users import FILE [--dry-run] [--as USERNAME]"],
    summary:
      "สร้างบัญชีและเพิ่มบุคคลเข้าตำบลจากไฟล์ CSV/XLSX / create accounts and add people to tambons from a file",
    about: `หนึ่งแถวต่อหนึ่งคน คอลัมน์ (ชื่อไทยหรืออังกฤษ): username phone email (อย่างน้อยหนึ่งอย่าง)  name  tambon (slug ต้องมี)
role (บทบาท คั่นด้วยจุลภาค เช่น facilitator หรือ ผู้ก่อการดี; ไม่ระบุ = สมาชิก)  village (หมู่ที่)
บัญชีที่มีอยู่แล้วได้เป็นสมาชิกและบทบาทที่ระบุ คนที่ยังไม่มีบัญชีได้บัญชีใหม่และลิงก์ตั้งรหัสผ่าน (ใช้ได้ 7 วัน) พิมพ์ออกมาเพื่อส่งต่อ
ตรวจทุกแถวก่อน หากมีแถวผิดจะพิมพ์เลขแถวและเหตุผล และไม่บันทึกอะไรเลย บทบาทมีแต่เพิ่ม ไม่ถูกถอด สั่งไฟล์เดิมซ้ำได้
บันทึกในบันทึกการเปลี่ยนแปลงในนามผู้ดูแลเครือข่าย สถานะเมื่อจบ: 0 สำเร็จ, 1 มีแถวผิด, 2 ใช้คำสั่งผิด
${DATABASE_TH}

One row a person. Columns (Thai or English names): username, phone, email (at least one), name,
tambon (its slug, required), role (comma-separated codes or Thai names; none = member), village
(moo). An existing account becomes an active member with those roles; someone new gets an account
and a set-password link (valid 7 days), printed to pass on. Every row is checked first; with any
bad row its number and reason are printed and nothing is stored. Roles are only added, never
removed, so the same file can be run again. Audited as the network administrator (--as, or the
only one). Exit status: 0 done, 1 bad rows, 2 wrong usage. ${DATABASE_EN}`,
    options: SETUP_FILE_OPTIONS,
    load: () => import("./commands/users.ts"),
  },
  {
    name: "backup",
    args: "FILE",
    positionals: [1, 1],
    summary: "สำรองข้อมูลทั้งหมดลงไฟล์เดียว / back up everything into one archive",
    about: `เขียนฐานข้อมูลทั้งหมด (รวมไฟล์ที่อัปโหลด) และกุญแจลับของระบบลงไฟล์ FILE (.tar.gz) ที่ยังไม่มี
PGlite ที่ serve กำลังใช้อยู่สำรองด้วยคำสั่งนี้ไม่ได้: ให้ serve สำรองเองทุกวันด้วย TAMBON_BACKUP_DAILY=1
(เก็บ TAMBON_BACKUP_KEEP ชุดล่าสุด ค่าเริ่มต้น 7 ใน TAMBON_DATA_DIR/backups)
${DATABASE_TH}

Writes the whole database (the uploaded files with it) and the installation secret into FILE,
a new .tar.gz with a manifest of every table's rows and every part's SHA-256; it restores on
PGlite or PostgreSQL alike. The file holds password hashes and the secret: keep it safe. The
embedded database of a running server cannot be backed up from outside it: set
TAMBON_BACKUP_DAILY=1 and serve writes one a day into TAMBON_DATA_DIR/backups, keeping the last
TAMBON_BACKUP_KEEP (7).
${DATABASE_EN}`,
    options: {},
    load: () => import("./commands/backup.ts"),
  },
  {
    name: "restore",
    args: "FILE",
    usage: ["restore [--force] FILE"],
    positionals: [1, 1],
    summary: "กู้คืนข้อมูลจากไฟล์สำรอง / restore everything from a backup archive",
    about: `ตรวจไฟล์สำรองทั้งไฟล์ก่อน แล้วแทนที่ข้อมูลทั้งหมดในฐานข้อมูลด้วยข้อมูลในไฟล์ภายในทรานแซกชันเดียว
สำเร็จทั้งหมดหรือไม่เปลี่ยนอะไรเลย ฐานข้อมูลที่มีข้อมูลอยู่แล้วต้องใช้ --force ให้หยุด serve ก่อนกู้คืน
${DATABASE_TH}

Checks the whole archive first (its manifest, every part's SHA-256, the schema's version), then
replaces everything in the database with it in one transaction: all of it or, on any failure,
nothing. The archive's installation secret goes into TAMBON_DATA_DIR/secret.key. A database that
holds anything is refused unless --force is given. Stop serve before restoring.
${DATABASE_EN}`,
    options: {
      force: {
        type: "boolean",
        help: "แทนที่ข้อมูลที่มีอยู่ทั้งหมด / replace whatever the database holds",
      },
    },
    load: () => import("./commands/restore.ts"),
  },
  ...moduleCommands,
];

const ENVIRONMENT = `สภาพแวดล้อม / environment:
  PORT (3000)  HOST (127.0.0.1)  DATABASE_URL (postgres://…; ไม่กำหนด = PGlite ฝังตัว / unset = embedded PGlite)
  TAMBON_DATA_DIR (./data)  TAMBON_SECRET  SMTP_URL  SMTP_FROM  LOG_LEVEL (info)
`;

function usageLines(c: CommandSpec): string[] {
  const lines = c.usage ?? [
    `${c.name}${Object.keys(c.options).length ? " [options]" : ""}${c.args ? ` ${c.args}` : ""}`,
  ];
  return lines.map((l) => `  tambon ${l}`);
}

function optionLines(c: CommandSpec): string[] {
  const rows = Object.entries(c.options).map(([name, o]) => [
    `--${name}${o.value ? ` ${o.value}` : ""}`,
    o.help,
  ]);
  rows.push(["-h, --help", "แสดงวิธีใช้นี้ / show this help"]);
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2;
  return rows.map(([flag, help]) => `  ${flag!.padEnd(width)}${help}`);
}

/** The help of `tambon --help`: every command in one screen. */
export function mainHelp(): string {
  const lines = [
    "tambon — แพลตฟอร์มตำบลจัดการสุขภาพ / the Tambon community-health platform",
    "",
    "ใช้งาน / usage: tambon <command> [options]",
    "",
    "คำสั่ง / commands:",
  ];
  for (const c of COMMANDS) {
    const head = `${c.name}${c.args ? ` ${c.args}` : ""}`;
    lines.push(`  ${head.padEnd(20)}  ${c.summary}`);
  }
  lines.push(
    "",
    "  tambon <command> --help   วิธีใช้ของแต่ละคำสั่ง / the help of one command",
    "  tambon --version          แสดงรุ่น / print the version",
    "",
    ENVIRONMENT,
  );
  return lines.join("\n");
}

/** The help of `tambon <command> --help`. */
export function commandHelp(c: CommandSpec): string {
  return [
    `tambon ${c.name} — ${c.summary}`,
    "",
    "ใช้งาน / usage:",
    ...usageLines(c),
    "",
    c.about,
    "",
    "ตัวเลือก / options:",
    ...optionLines(c),
    "",
  ].join("\n");
}
