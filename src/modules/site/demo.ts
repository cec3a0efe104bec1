import { tambonWhere, tambonRows } from "../../core/db/tambon-row.ts";
import { type DbOrTx } from "../../core/db/index.ts";
import { type Tambon } from "../../core/tenancy.ts";
import { type DemoPeople } from "../../core/modules.ts";
import {
  itaItems,
  siteAlbums,
  siteCategories,
  siteComments,
  siteComplaintEvents,
  siteComplaints,
  siteDocuments,
  siteJobs,
  siteNews,
  sitePages,
  sitePhotos,
  sitePosts,
  siteReports,
  siteSettings,
  siteQuestions,
  siteVisitDays,
} from "./schema.ts";
import { users } from "../../core/db/schema.ts";
import { eq } from "drizzle-orm";
import { DEMO_PDF_KEY, demoPdf, demoPhoto, demoPhotoKey } from "./shared/demo-files.ts";
import { slugify } from "./shared/text.ts";
import { renderMarkdown } from "../../core/markdown.ts";
import { indexNews } from "./news/commands.ts";
import { indexItem } from "./search/commands.ts";
import { pagePath } from "./pages/commands.ts";
import { indexDocument } from "./documents/commands.ts";
import { indexPost } from "./corner/commands.ts";
import { thaiDay } from "./statistics/visits.ts";
import { reindex } from "./jobs/commands.ts";
import { audit } from "../../core/audit.ts";

export const DEMO_NEWS: {
  cat: string;
  title: string;
  summary: string;
  body: string;
  album?: boolean;
}[] = [
  {
    cat: "activity",
    title: "เวทีประชาคมหมู่บ้านจัดการสุขภาพ ครั้งที่ 1 (สาธิต)",
    summary: "ชาวบ้านร่วมกันเก็บข้อมูลชุมชนด้วยตนเอง ค้นหาศักยภาพและภูมิปัญญา เพื่อวางแผนสู่ตำบลจัดการสุขภาพ",
    body: "ในกระบวนการพัฒนาให้ประชาชนสามารถจัดการสุขภาพ ชุมชนต้องมีการรวมตัว เกาะเกี่ยว การจัดตั้งกลุ่ม องค์กร ชมรม สมาคม ให้เป็นภาคีเครือข่าย\n\nชุมชนเข้มแข็งมิได้เริ่มจากการวิเคราะห์ปัญหา แต่เริ่มจาก**การค้นพบศักยภาพของตนเอง** ค้นพบภูมิปัญญาของตนเอง และรู้จักเก็บข้อมูลชุมชนด้วยตนเอง\n\n1. ขั้นเตรียมความพร้อมสร้างความเข้าใจร่วมกัน\n2. สร้างเครือข่ายและการมีส่วนร่วม\n3. ร่วมกันติดตามประเมินผล",
    album: true,
  },
  {
    cat: "pr",
    title: "ลงนามบันทึกความร่วมมือ (MOU) กลไกการขับเคลื่อนเมืองน่าอยู่ (สาธิต)",
    summary: "เทศบาลตำบลล้อมแรดและเทศบาลตำบลเกาะคาลงนามความร่วมมือเป็นเครือข่ายแหล่งเรียนรู้",
    body: "เทศบาลตำบลล้อมแรดได้ลงนามความร่วมมือกับเทศบาลตำบลเกาะคา ในการดำเนินการเพื่อเพิ่มศักยภาพ และยกระดับให้เป็นเครือข่ายในการทำหน้าที่เป็น “กลไกการขับเคลื่อนเมืองน่าอยู่” โดยใช้แหล่งเรียนรู้ของระบบการจัดการสุขภาวะชุมชนโดยชุมชน",
  },
  {
    cat: "announcement",
    title: "ประกาศรับฟังความคิดเห็นร่างธรรมนูญสุขภาพตำบล (สาธิต)",
    summary: "เชิญชวนผู้แทนทั้ง 5 เสาหลักร่วมแสดงความคิดเห็นต่อร่างธรรมนูญสุขภาพตำบล",
    body: "ขอเชิญชวนประชาชน ผู้นำศาสนา ผู้นำชุมชน และภาคีเครือข่าย ร่วมแสดงความคิดเห็นต่อร่างธรรมนูญสุขภาพตำบลในพื้นที่กลาง เพื่อบูรณาการการพัฒนา ลดความซ้ำซ้อน และกระจายผลประโยชน์อย่างเป็นธรรม",
  },
  {
    cat: "pr",
    title: "รณรงค์ป้องกันไข้เลือดออกช่วงฤดูฝน (สาธิต)",
    summary: "อสม. ทุกหมู่บ้านร่วมกันสำรวจและกำจัดแหล่งเพาะพันธุ์ยุงลาย",
    body: "อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) ร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบล ออกรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลายในทุกหมู่บ้าน ขอความร่วมมือทุกครัวเรือนปิดภาชนะเก็บน้ำ",
  },
];

/** Adds demo content to a demo tambon's website (marked as demo). */
export async function seedSiteDemo(tx: DbOrTx, tambon: Tambon, people: DemoPeople) {
  const tambonId = tambon.id;
  const editorId = people.byRole.editor?.[0] ?? people.adminId;
  const memberId = people.byRole.member?.at(-1) ?? people.adminId;
  const cats = await tambonRows(tx, siteCategories, tambonId);
  const [album] = await tx
    .insert(siteAlbums)
    .values({
      tambonId,
      title: "ภาพกิจกรรมเวทีประชาคม (สาธิต)",
      description: "ภาพสาธิตที่ระบบสร้างขึ้น",
    })
    .returning();
  const photos = [];
  for (let i = 0; i < 6; i++) {
    const p = await demoPhoto(i);
    photos.push({
      tambonId,
      albumId: album!.id,
      file: demoPhotoKey(i),
      ext: "jpg",
      originalName: `demo-${i + 1}.jpg`,
      width: p.width,
      height: p.height,
      bytes: p.full.length,
      caption: `ภาพสาธิต ${i + 1}`,
      position: i + 1,
    });
  }
  const photoRows = await tx.insert(sitePhotos).values(photos).returning();
  const now = Date.now();
  for (const [i, n] of DEMO_NEWS.entries()) {
    const [row] = await tx
      .insert(siteNews)
      .values({
        tambonId,
        categoryId: cats.find((c) => c.slug === n.cat)?.id ?? null,
        slug: slugify(n.title),
        title: n.title,
        summary: n.summary,
        bodyMd: n.body,
        bodyHtml: renderMarkdown(n.body),
        status: "published",
        publishAt: new Date(now - (i + 1) * 2 * 86400_000),
        coverPhotoId: photoRows[i % photoRows.length]!.id,
        albumId: n.album ? album!.id : null,
        authorId: editorId,
      })
      .returning();
    await indexNews(tx, row!);
  }
  // A resident's question waiting for staff on the public Q&A (answered ones are shown to all).
  const [asker] = await tx.select({ name: users.name }).from(users).where(eq(users.id, memberId));
  await tx.insert(siteQuestions).values({
    tambonId,
    askedBy: memberId,
    askerName: asker?.name ?? "",
    question: "ศูนย์เด็กเล็กของตำบลรับเด็กอายุเท่าไร และเปิดรับสมัครเมื่อไร (สาธิต)",
  });
  const [draft] = await tx
    .insert(siteNews)
    .values({
      tambonId,
      slug: slugify("ร่างข่าว (สาธิต)"),
      title: "ร่างข่าวที่ยังไม่เผยแพร่ (สาธิต)",
      status: "draft",
      authorId: editorId,
    })
    .returning();
  const pages = await tambonRows(tx, sitePages, tambonId);
  const structure = pages.find((p) => p.section === "structure");
  const history = pages.find((p) => p.section === "history")!;
  const historyMd = `ตำบล${tambon.nameTh}เป็นตำบลจัดการสุขภาพ ที่ประชาชนร่วมกันเก็บข้อมูลชุมชน จัดตั้งกลุ่มและภาคีเครือข่าย วางแผนและแผนแม่บทชุมชน (ข้อความสาธิต)`;
  await tx
    .update(sitePages)
    .set({ bodyMd: historyMd, bodyHtml: renderMarkdown(historyMd) })
    .where(tambonWhere(sitePages, tambonId, { id: history.id }));
  await indexItem(tx, {
    tambonId,
    kind: "page",
    refId: history.id,
    title: `${history.titleTh} · ${history.titleEn}`,
    body: historyMd,
    url: pagePath(history),
  });
  const [doc] = await tx
    .insert(siteDocuments)
    .values({
      tambonId,
      title: "แผนพัฒนาท้องถิ่น (สาธิต)",
      file: DEMO_PDF_KEY,
      ext: "pdf",
      bytes: demoPdf().length,
      pageId: structure?.id ?? null,
    })
    .returning();
  await indexDocument(tx, doc!);
  const [post] = await tx
    .insert(sitePosts)
    .values({
      tambonId,
      authorId: memberId,
      title: "ชวนกันปลูกผักสวนครัวรั้วกินได้ (สาธิต)",
      body: "ที่บ้านปลูกผักบุ้ง ตะไคร้ และพริก ไว้กินเองทั้งปี ใครสนใจแลกเมล็ดพันธุ์กันได้นะครับ",
      status: "approved",
      moderatedBy: editorId,
      moderatedAt: new Date(),
    })
    .returning();
  await indexPost(tx, post!);
  const [comment] = await tx
    .insert(siteComments)
    .values({
      tambonId,
      postId: post!.id,
      authorId: editorId,
      body: "ดีมากครับ จะนำไปเล่าในเวทีประชาคมครั้งหน้า (สาธิต)",
    })
    .returning();
  await tx.insert(siteReports).values({
    tambonId,
    postId: post!.id,
    commentId: comment!.id,
    reporterId: memberId,
    reason: "ทดลองแจ้งเนื้อหา (สาธิต)",
  });
  await tx.insert(sitePosts).values({
    tambonId,
    authorId: memberId,
    title: "ขอเสนอให้มีลานออกกำลังกายผู้สูงอายุ (สาธิต)",
    body: "อยากให้มีลานออกกำลังกายใกล้ศาลาหมู่บ้าน",
    status: "pending",
  });
  const closes = new Date(now + 30 * 86400_000);
  const [job] = await tx
    .insert(siteJobs)
    .values({
      tambonId,
      title: "ผู้ช่วยดูแลผู้สูงอายุ (Caregiver) (สาธิต)",
      employer: "ศูนย์ดูแลผู้สูงอายุชุมชน (สาธิต)",
      place: `ตำบล${tambon.nameTh}`,
      wage: "วันละ 400 บาท",
      contact: tambon.phone || "โทร 0-0000-0000",
      details: "ดูแลผู้สูงอายุติดบ้านติดเตียง มีการอบรมให้",
      closesOn: thaiDay(closes),
      status: "approved",
      createdBy: editorId,
    })
    .returning();
  await reindex(tx, job!);
  const prefix = tambon.slug
    .replace(/[^a-z]/g, "")
    .slice(0, 2)
    .toUpperCase();
  const [complaint] = await tx
    .insert(siteComplaints)
    .values({
      tambonId,
      code: `RT-DEMO-${prefix}01`,
      subject: "ไฟฟ้าส่องสว่างริมทางดับ (สาธิต)",
      details: "ไฟถนนหน้าศาลาหมู่บ้านดับมาหนึ่งสัปดาห์ (สาธิต)",
      location: "หมู่ที่ 1",
      name: "ผู้ร้อง (สาธิต)",
      contact: "0800000000",
      status: "in_progress",
      assignedTo: people.adminId,
      answer: "ส่งช่างไฟฟ้าตรวจสอบแล้ว (สาธิต)",
    })
    .returning();
  await tx.insert(siteComplaintEvents).values([
    { tambonId, complaintId: complaint!.id, status: "received" },
    {
      tambonId,
      complaintId: complaint!.id,
      status: "in_progress",
      note: "มอบหมายงานช่างแล้ว (สาธิต)",
      actorId: people.adminId,
    },
  ]);
  await tx.insert(siteComplaints).values({
    tambonId,
    code: `RT-DEMO-${prefix}02`,
    channel: "corruption",
    subject: "ร้องเรียนการจัดซื้อจัดจ้าง (สาธิต)",
    details: "ข้อความสาธิตของช่องทางร้องเรียนการทุจริต",
  });
  // Thirty days of made-up visits, so the statistics page has something to show.
  const days = [];
  for (let d = 30; d >= 1; d--) {
    const visitors = 40 + ((d * 37 + tambonId * 11) % 60);
    days.push({
      tambonId,
      day: thaiDay(new Date(now - d * 86400_000)),
      visitors,
      views: visitors * 3 + (d % 7) * 5,
    });
  }
  await tx.insert(siteVisitDays).values(days);
  if (tambon.slug === "lom-raet")
    await tx
      .update(siteSettings)
      .set({ visitorsBefore: 1_963_438, viewsBefore: 2_079_035 })
      .where(tambonWhere(siteSettings, tambonId));
  const items = await tambonRows(tx, itaItems, tambonId);
  const link = async (code: string, set: Partial<typeof itaItems.$inferInsert>) => {
    const it = items.find((i) => i.code === code);
    if (it)
      await tx
        .update(itaItems)
        .set(set)
        .where(tambonWhere(itaItems, tambonId, { id: it.id }));
  };
  const sectionPage = (s: string) => pages.find((p) => p.section === s)?.id ?? null;
  await link("O1", { linkKind: "page", linkId: sectionPage("structure") });
  await link("O2", { linkKind: "page", linkId: sectionPage("executives") });
  await link("O3", { linkKind: "page", linkId: sectionPage("powers") });
  await link("O4", { linkKind: "document", linkId: doc!.id });
  await link("O5", { linkKind: "page", linkId: sectionPage("contact") });
  await link("O6", { linkKind: "page", linkId: sectionPage("laws") });
  await link("O18", { linkKind: "url", linkUrl: "/complaints" });
  await link("O28", { linkKind: "url", linkUrl: "/complaints" });
  await audit(tx, {
    tambonId,
    actorId: null,
    action: "site.demo",
    targetType: "site",
    targetId: tambonId,
    after: { news: DEMO_NEWS.length, draft: draft!.id, photos: photoRows.length },
  });
}
