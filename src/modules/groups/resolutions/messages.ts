import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of resolutions and nominations (part of the groups dictionary). */
export const resolutionMessages = {
  // Resolutions
  "res.title": { th: "มติที่ {n}", en: "Resolution {n}" },
  "res.correction": { th: "มติแก้ไข", en: "Correction" },
  "res.of": { th: "ของ{meeting}", en: "of {meeting}" },
  "res.method": { th: "วิธีลงมติ", en: "How it was decided" },

  "method.consensus": { th: "ฉันทามติ", en: "Consensus" },
  "method.show_of_hands": { th: "ยกมือ", en: "Show of hands" },
  "method.individual_votes": { th: "ลงคะแนนรายบุคคล", en: "Individual votes" },

  "res.for": { th: "เห็นด้วย", en: "For" },
  "res.against": { th: "ไม่เห็นด้วย", en: "Against" },
  "res.abstain": { th: "งดออกเสียง", en: "Abstain" },
  "res.counts": {
    th: "เห็นด้วย {for} · ไม่เห็นด้วย {against} · งดออกเสียง {abstain}",
    en: "For {for} · against {against} · abstain {abstain}",
  },

  "outcome.adopted": { th: "ที่ประชุมเห็นชอบ", en: "Adopted" },
  "outcome.rejected": { th: "ที่ประชุมไม่เห็นชอบ", en: "Rejected" },

  "res.quorumHeld": { th: "ครบองค์ประชุมขณะลงมติ", en: "Quorum held when decided" },
  "res.quorumFailed": { th: "ไม่ครบองค์ประชุมขณะลงมติ", en: "No quorum when decided" },
  "res.quorumNone": { th: "ไม่กำหนดองค์ประชุม", en: "No quorum rule" },
  "res.text": { th: "ข้อความมติ", en: "Resolution (Thai)" },
  "res.textEn": { th: "ข้อความมติ (อังกฤษ)", en: "Resolution (English)" },
  "res.agendaItem": { th: "ในวาระ", en: "Under item" },
  "res.record": { th: "บันทึกมติ", en: "Record a resolution" },
  "res.recorded": { th: "บันทึกมติที่ {n} แล้ว", en: "Resolution {n} recorded" },
  "res.alreadyMembers": {
    th: "ไม่ได้เพิ่มซ้ำ เพราะเป็นสมาชิกของคณะอยู่แล้ว: {names}",
    en: "Not added again, already members of the group: {names}",
  },
  "res.deleted": { th: "ลบมติแล้ว", en: "Resolution removed" },
  "res.votesIndividual": { th: "คะแนนรายบุคคล", en: "Individual votes" },
  "res.votesIndividualHint": {
    th: "ใช้เมื่อเลือกวิธี “ลงคะแนนรายบุคคล” เลือกคะแนนของแต่ละคน ผู้ที่ไม่เลือกถือว่าไม่ได้ลงคะแนน",
    en: "Used with “individual votes”: choose each person's vote; people left blank did not vote",
  },
  "res.noVote": { th: "—", en: "—" },
  "res.approves": { th: "มตินี้อนุมัติการเสนอชื่อ", en: "This resolution approves the nominations" },
  "res.approvesHint": {
    th: "เมื่อมติผ่าน ผู้ได้รับการเสนอชื่อที่เลือกจะเป็นสมาชิกของคณะตั้งแต่วันประชุม",
    en: "When adopted, the chosen nominees join the group from the day of the meeting",
  },
  "res.links": { th: "สิ่งที่มตินี้ตัดสิน", en: "What it decided" },
  "res.link.group_membership": {
    th: "แต่งตั้ง {name} เป็น{position} {group}",
    en: "Appointed {name} as {position}, {group}",
  },
  "res.link.work_group": { th: "{group}", en: "{group}" },
  "res.link.other": { th: "{type} #{id}", en: "{type} #{id}" },
  "res.correctedBy": { th: "มตินี้ได้รับการแก้ไขโดย", en: "Corrected by" },
  "res.corrects": { th: "แก้ไขมติเดิม", en: "Corrects" },
  "res.correct": { th: "บันทึกมติแก้ไข", en: "Record a correction" },
  "res.correctHint": {
    th: "มติเดิมยังคงอยู่ตามเดิม มติแก้ไขเป็นบันทึกใหม่ที่เชื่อมกับมติเดิม",
    en: "The original stays as it was; the correction is a new record linked to it",
  },
  "res.correctionReason": { th: "เหตุที่แก้ไข", en: "Why it is corrected" },
  "res.corrected": { th: "บันทึกมติแก้ไขแล้ว", en: "Correction recorded" },
  "res.decidedAt": { th: "ลงมติในการประชุม", en: "Decided at" },
  "res.page": { th: "มติ", en: "Resolution" },

  "nom.title": { th: "การเสนอชื่อเข้าคณะ", en: "Nominations" },
  "nom.add": { th: "เสนอชื่อ", en: "Nominate" },
  "nom.added": { th: "เสนอชื่อ {name} แล้ว", en: "{name} nominated" },
  "nom.group": { th: "เข้าคณะ", en: "To the group" },
  "nom.status.proposed": { th: "รอมติ", en: "Awaiting a resolution" },
  "nom.status.approved": { th: "อนุมัติแล้ว", en: "Approved" },
  "nom.status.rejected": { th: "ไม่อนุมัติ", en: "Not approved" },
  "nom.status.withdrawn": { th: "ถอนชื่อ", en: "Withdrawn" },
  "nom.withdraw": { th: "ถอนชื่อ", en: "Withdraw" },
  "nom.withdrawn": { th: "ถอนการเสนอชื่อแล้ว", en: "Nomination withdrawn" },
  "nom.none": { th: "ยังไม่มีการเสนอชื่อ", en: "No nominations yet" },
  "nom.onlyAssembly": {
    th: "การเสนอชื่อทำได้ในการประชุมตัวแทนหมู่บ้าน",
    en: "Nominations are made by a village assembly",
  },
} satisfies Record<string, Msg>;
