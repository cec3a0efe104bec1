import { eq } from "drizzle-orm";
import { renderToString } from "preact-render-to-string";
import { h } from "preact";
import { startTestApp, Client } from "../test/helpers/app.ts";
import { tambons } from "../src/core/db/schema.ts";
import { charterEditions, charterVersions, charters } from "../src/modules/charter/schema.ts";
import type { CharterDoc } from "../src/modules/charter/document.ts";
import { applyOp, type DocOp } from "../src/modules/charter/document-ops.ts";
import { diffCharters } from "../src/modules/charter/diff.ts";
import { CharterText } from "../src/modules/charter/views/text.tsx";

type Figures = Record<string, string | number>;

const PHRASES = [
  "ทุกหมู่บ้านจัดให้มีลานออกกำลังกาย",
  "ลดหวาน มัน เค็ม ในงานบุญและงานเลี้ยง",
  "อสม. เยี่ยมบ้านผู้สูงอายุและผู้ป่วยติดเตียง",
  "คัดแยกขยะที่ต้นทางทุกครัวเรือน",
  "งดใช้โฟมและพลาสติกใช้ครั้งเดียว",
  "ไม่เผาขยะและวัชพืชในที่โล่ง",
  "มีแผนรับมือน้ำท่วมและภัยพิบัติ",
  "ส่งเสริมตลาดชุมชนและผลผลิตปลอดภัย",
  "จัดลำดับความสำคัญของงานถนนผ่านเวทีประชาคม",
  "เปิดเผยรายรับรายจ่ายของกองทุนทุกไตรมาส",
];

/** A charter of `chapters` × `perChapter` clauses of two or three Thai sentences each. */
export function bigDoc(chapters = 10, perChapter = 20): { doc: CharterDoc; nextKey: number } {
  let key = 1;
  let n = 0;
  const doc: CharterDoc = {
    title: "ธรรมนูญสุขภาพตำบลทดสอบขนาดใหญ่",
    preamble: PHRASES.join(" ") + "\n\n" + PHRASES.slice().reverse().join(" "),
    definitions: PHRASES.slice(0, 5).map((p, i) => ({
      key: key++,
      term: `คำที่ ${i + 1}`,
      meaning: p,
    })),
    chapters: Array.from({ length: chapters }, (_, c) => ({
      key: key++,
      title: `หมวดทดสอบที่ ${c + 1} ${PHRASES[c % PHRASES.length]}`,
      clauses: Array.from({ length: perChapter }, () => {
        n++;
        return {
          key: key++,
          text: `${PHRASES[n % 10]} ${PHRASES[(n * 3) % 10]} และ${PHRASES[(n * 7) % 10]} โดยรายงานผลต่อเวทีประชาคมทุก ${1 + (n % 12)} เดือน`,
        };
      }),
    })),
    closing: [{ key: key++, text: "ธรรมนูญนี้ให้ใช้บังคับตั้งแต่วันที่ประชาคมมีมติรับรองเป็นต้นไป" }],
  };
  return { doc, nextKey: key };
}

/** A second version: a quarter of the clauses reworded, some moved, added and removed. */
export function revised(doc: CharterDoc, nextKey: number): CharterDoc {
  let d = doc;
  let key = nextKey;
  const ops: DocOp[] = [];
  const clauses = doc.chapters.flatMap((c) => c.clauses);
  clauses.forEach((cl, i) => {
    if (i % 4 === 0)
      ops.push({
        op: "editClause",
        key: cl.key,
        text: cl.text.replace("ทุก", "อย่างน้อยทุก").replace("และ", "รวมทั้ง") + " ให้ชัดเจน",
      });
    if (i % 25 === 3) ops.push({ op: "moveClause", key: cl.key, dir: "up" });
    if (i % 40 === 7) ops.push({ op: "deleteClause", key: cl.key });
  });
  for (const c of doc.chapters.slice(0, 5))
    ops.push({ op: "addClause", chapter: c.key, text: "ข้อใหม่เพื่อทดสอบการเปรียบเทียบ" });
  ops.push({ op: "moveChapter", key: doc.chapters[3]!.key, dir: "up" });
  for (const op of ops) {
    const r = applyOp(d, op, key);
    if (r.ok) {
      d = r.doc;
      key = r.nextKey;
    }
  }
  return d;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return Math.round(median(out) * 10) / 10;
}

/** A 200-clause charter: rendering (text, pages over HTTP in-process) and a diff of two versions. */
export async function benchCharter(): Promise<Figures> {
  const t = await startTestApp("pglite", { demo: true });
  try {
    const db = t.database.db;
    const [tambon] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const { doc, nextKey } = bigDoc();
    const v2 = revised(doc, nextKey);
    const [charter] = await db
      .insert(charters)
      .values({ tambonId: tambon!.id, nameTh: "ธรรมนูญขนาดใหญ่", nextKey: nextKey + 100 })
      .returning();
    const [edition] = await db
      .insert(charterEditions)
      .values({
        tambonId: tambon!.id,
        charterId: charter!.id,
        number: 1,
        yearBe: 2568,
        status: "adopted",
        adoptedOn: "2025-01-01",
      })
      .returning();
    await db
      .insert(charterVersions)
      .values({ tambonId: tambon!.id, editionId: edition!.id, number: 1, doc, source: "start" });
    const [two] = await db
      .insert(charterVersions)
      .values({ tambonId: tambon!.id, editionId: edition!.id, number: 2, doc: v2, source: "edit" })
      .returning();
    await db
      .update(charterEditions)
      .set({ currentVersionId: two!.id, adoptedVersionId: two!.id })
      .where(eq(charterEditions.id, edition!.id));

    const render = await time(50, () =>
      renderToString(h(CharterText, { doc, lang: "th", digits: "thai" })),
    );
    const diff = await time(30, () => diffCharters(doc, v2));
    const d = diffCharters(doc, v2);
    const member = new Client(t.app);
    await member.login("langu-member");
    const base = `/t/la-ngu/charter-editions/${edition!.id}`;
    const get = (c: Client, url: string) => async () => {
      const r = await c.get(url);
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
    };
    for (const url of [base, `${base}/print`, `${base}/follow-up`, `${base}/diff?from=1&to=2`])
      await get(member, url)();
    return {
      clauses: 200,
      "diff: changed / moved / added / removed": `${d.summary.changed} / ${d.summary.moved} / ${d.summary.added} / ${d.summary.removed}`,
      "render the text to HTML (ms, median)": render,
      "edition page, signed in (ms, median)": await time(20, get(member, base)),
      "print page (ms, median)": await time(20, get(member, `${base}/print`)),
      "follow-up view (ms, median)": await time(20, get(member, `${base}/follow-up`)),
      "diff of two versions, computed (ms, median)": diff,
      "diff page of two versions (ms, median)": await time(
        10,
        get(member, `${base}/diff?from=1&to=2&all=1`),
      ),
    };
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchCharter();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
}
