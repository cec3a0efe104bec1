import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the tambon's network page and the whole network (part of the network dictionary). */
export const overviewMessages = {
  "network.title": { th: "ภาคีเครือข่าย {tambon}", en: "Partners and network of {tambon}" },
  "network.intro": {
    th: "กลุ่ม องค์กร ชมรม สมาคม และหน่วยงานที่รวมตัวกันเป็นภาคีเครือข่ายเพื่อสุขภาพของชุมชน เสาหลักและข้อตกลงร่วม ข้อตกลงความร่วมมือกับตำบลอื่น และแหล่งเรียนรู้ที่เปิดให้ศึกษาดูงาน",
    en: "The groups, organisations, clubs, associations and agencies that joined around the community's health; the pillars and their common ground; agreements with other tambons; and the learning centres open to study visits.",
  },
  "network.inNumbers": { th: "ภาคีเครือข่ายในตัวเลข", en: "The network in numbers" },
  "network.visitsDone": { th: "ครั้งที่มีผู้มาศึกษาดูงาน", en: "study visits hosted" },
  "network.tambons": { th: "เครือข่ายตำบล", en: "The network of tambons" },
  "network.tambonsIntro": {
    th: "ตำบลแม่ข่ายถ่ายทอดประสบการณ์ให้ตำบลลูกข่าย และตำบลพันธมิตรแลกเปลี่ยนเรียนรู้กัน ความเชื่อมโยงที่ทั้งสองฝ่ายบันทึกไว้ถือว่ายืนยันแล้ว",
    en: "Mentor tambons pass on what they learned to member tambons, and peers learn from each other. A link both sides recorded is confirmed.",
  },
  "network.noLinks": {
    th: "ยังไม่มีการบันทึกความเชื่อมโยงกับตำบลอื่น",
    en: "No links to other tambons recorded yet",
  },
  "network.diagramOf": { th: "แผนภาพเครือข่ายของ {tambon}", en: "Network diagram of {tambon}" },
  "network.tambon": { th: "ตำบล", en: "Tambon" },
  "network.relation": { th: "ความสัมพันธ์", en: "Relation" },
  "network.declared": { th: "บันทึกโดย", en: "Recorded by" },
  "network.since": { th: "ตั้งแต่", en: "Since" },
  "network.mutual": { th: "ทั้งสองฝ่าย (ยืนยันแล้ว)", en: "both sides (confirmed)" },
  "network.byUs": { th: "ตำบลเรา", en: "us" },
  "network.byThem": { th: "อีกฝ่าย", en: "the other tambon" },
  "network.offPlatform": { th: "ตำบล{name}", en: "{name} subdistrict" },
  "network.whole": { th: "ดูเครือข่ายตำบลทั้งหมด →", en: "See the whole network of tambons →" },
  "network.mous": { th: "ข้อตกลงความร่วมมือ (MOU)", en: "Cooperation agreements (MOU)" },
  "relation.mentor_of": { th: "เราเป็นตำบลแม่ข่าย", en: "we mentor them" },
  "relation.member_of": { th: "เราเป็นตำบลลูกข่าย", en: "they mentor us" },
  "relation.peer": { th: "ตำบลพันธมิตร", en: "peers" },
  "diagram.desc": {
    th: "{tambons} ตำบลใน {provinces} จังหวัด เส้นสีเขียว {mentor} เส้นคือแม่ข่ายกับลูกข่าย เส้นประสีน้ำเงิน {peer} เส้นคือตำบลพันธมิตร รายละเอียดอยู่ในตารางใต้แผนภาพ",
    en: "{tambons} tambons in {provinces} provinces; {mentor} green lines join mentors and members, {peer} dotted blue lines join peers. The table below lists them all.",
  },
  "diagram.legend": {
    th: "วงกลมเขียวทึบ = ตำบลแม่ข่าย (วงใน) · วงกลมขาว = ตำบลบนแพลตฟอร์ม · วงกลมเทา = ตำบลที่ยังไม่มีเว็บไซต์บนแพลตฟอร์ม · เส้นทึบ = ยืนยันทั้งสองฝ่าย · เส้นประยาว = บันทึกฝ่ายเดียว · เส้นจุดสีน้ำเงิน = พันธมิตร",
    en: "Filled green = mentor tambon (inner ring) · white = tambon on the platform · grey = tambon not on the platform yet · solid line = confirmed by both · long dashes = recorded by one side · blue dots = peers",
  },

  // the whole network
  "whole.title": { th: "เครือข่ายตำบลจัดการสุขภาพ", en: "The network of health-managing tambons" },
  "whole.intro": {
    th: "ตำบลแม่ข่าย ลูกข่าย และพันธมิตรทั้งหมดในเครือข่าย พร้อมศูนย์เรียนรู้และข้อตกลงความร่วมมือของแต่ละตำบล",
    en: "Every mentor, member and peer tambon of the network, with each tambon's learning centres and agreements.",
  },
  "whole.province": { th: "จังหวัด", en: "Province" },
  "whole.role": { th: "บทบาทในเครือข่าย", en: "Place in the network" },
  "whole.role.mentor": { th: "ตำบลแม่ข่าย", en: "Mentor tambons" },
  "whole.role.member": { th: "ตำบลลูกข่าย", en: "Member tambons" },
  "whole.role.peer": { th: "มีตำบลพันธมิตร", en: "With peers" },
  "whole.role.none": { th: "ยังไม่เชื่อมโยง", en: "Not linked yet" },
  "whole.found": { th: "พบ {n} ตำบล", en: "{n} tambons" },
  "whole.table": { th: "ตำบลในเครือข่าย", en: "Tambons of the network" },
  "whole.place": { th: "บทบาท", en: "Place" },
  "whole.mentorOf": { th: "แม่ข่ายของ {n} ตำบล", en: "mentor of {n}" },
  "whole.memberOf": { th: "ลูกข่ายของ {names}", en: "member of {names}" },
  "whole.peers": { th: "พันธมิตร {n} ตำบล", en: "{n} peers" },
} satisfies Record<string, Msg>;
