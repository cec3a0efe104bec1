/** UI strings of exports (merged into the module's dictionary in ../messages.ts). */
export const exportsMessages = {
  "exp.title": { th: "ส่งออกแบบที่กรอกแล้ว", en: "Export submissions" },
  "exp.intro": {
    th: "ไฟล์ในรูปแบบของ ODK / KoboToolbox สำหรับผู้วิเคราะห์ มีข้อมูลส่วนบุคคล การดาวน์โหลดทุกครั้งถูกบันทึกในบันทึกการเข้าถึง",
    en: "Files shaped as ODK / KoboToolbox exports for analysts. They hold personal data: every download is recorded in the read log.",
  },
  "exp.none": { th: "ยังไม่มีแบบสำรวจที่เผยแพร่แล้ว", en: "No published form yet." },
  "exp.xlsx": { th: "XLSX (แผ่นงานละกลุ่มซ้ำ)", en: "XLSX (a sheet per repeat group)" },
  "exp.csv": { th: "CSV (ตารางหลัก)", en: "CSV (main table)" },
  "exp.back": { th: "← จัดการข้อมูลชุมชน", en: "← Manage community data" },
} as const;
