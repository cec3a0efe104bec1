import { msg, type SiteKey } from "../messages.ts";
import { type Tambon } from "../../../core/tenancy.ts";
import { type DbOrTx } from "../../../core/db/index.ts";
import { siteCategories, siteLinks, siteMenuItems, sitePages, siteSettings } from "../schema.ts";
import { renderMarkdown } from "../../../core/markdown.ts";
import { indexItem } from "../search/commands.ts";
import { plainText } from "./text.ts";
import { pagePath } from "../pages/commands.ts";
import { parseItaList, writeItaList } from "../transparency/commands.ts";
import ita2566 from "../../../../seed/ita-oit-2566.json" with { type: "json" };
import { audit } from "../../../core/audit.ts";

export const both = (key: SiteKey) => ({ th: msg.t("th")(key), en: msg.t("en")(key) });

/** The standard sections of a Thai local government's website, created for every new tambon. */
export const STANDARD_SECTIONS = [
  "history",
  "vision",
  "structure",
  "executives",
  "powers",
  "contact",
  "laws",
  "infoCentre",
] as const;

export function starterBody(section: string, tambon: Tambon): string {
  const org =
    tambon.kind === "sao" ? `องค์การบริหารส่วนตำบล${tambon.nameTh}` : `เทศบาลตำบล${tambon.nameTh}`;
  switch (section) {
    case "contact":
      return `## ${org}\n\nตำบล${tambon.nameTh} อำเภอ${tambon.districtTh} จังหวัด${tambon.provinceTh} ${tambon.postalCode ?? ""}\n\nยื่นเรื่องร้องเรียนหรือร้องทุกข์ได้ที่ [ร้องเรียน/ร้องทุกข์](/t/${tambon.slug}/complaints)`;
    case "infoCentre":
      return `ศูนย์ข้อมูลข่าวสารของ${org} ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540\n\n- [การเปิดเผยข้อมูลสาธารณะ (ITA)](/t/${tambon.slug}/transparency)\n- [เอกสารเผยแพร่](/t/${tambon.slug}/documents)\n- [ข่าวประกาศ](/t/${tambon.slug}/news)`;
    case "laws":
      return `- พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537\n- พระราชบัญญัติเทศบาล พ.ศ. 2496\n- พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542\n- พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540\n- พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`;
    default:
      return "";
  }
}

/**
 * Sets up a new tambon's website inside the creating transaction: the standard pages, a menu,
 * news categories, job-market links, the ITA/OIT list of 2566 and the statistics row.
 */
export async function setUpSite(tx: DbOrTx, tambon: Tambon, actorId: number | null) {
  const tambonId = tambon.id;
  const pages = await tx
    .insert(sitePages)
    .values(
      STANDARD_SECTIONS.map((section) => {
        const title = both(`section.${section}`);
        const bodyMd = starterBody(section, tambon);
        return {
          tambonId,
          section,
          titleTh: title.th,
          titleEn: title.en,
          bodyMd,
          bodyHtml: renderMarkdown(bodyMd),
        };
      }),
    )
    .returning();
  for (const p of pages)
    await indexItem(tx, {
      tambonId,
      kind: "page",
      refId: p.id,
      title: `${p.titleTh} · ${p.titleEn}`,
      body: plainText(p.bodyMd),
      url: pagePath(p),
    });
  const cats = await tx
    .insert(siteCategories)
    .values(
      (["pr", "activity", "announcement", "procurement"] as const).map((slug, i) => {
        const name = both(`cat.${slug}`);
        return { tambonId, slug, nameTh: name.th, nameEn: name.en, position: i + 1 };
      }),
    )
    .returning();
  const page = (s: string) => pagePath(pages.find((p) => p.section === s)!);
  const menu: { key: SiteKey; href: string; children: { key: SiteKey; href: string }[] }[] = [
    {
      key: "menu.about",
      href: "",
      children: (
        ["history", "vision", "structure", "executives", "powers", "contact"] as const
      ).map((s) => ({ key: `section.${s}` as SiteKey, href: page(s) })),
    },
    {
      key: "menu.news",
      href: "",
      children: [
        { key: "menu.allNews", href: "/news" },
        ...cats.map((c) => ({ key: `cat.${c.slug}` as SiteKey, href: `/news?category=${c.slug}` })),
        { key: "menu.galleries", href: "/galleries" },
        { key: "menu.corner", href: "/corner" },
      ],
    },
    {
      key: "menu.info",
      href: "",
      children: [
        { key: "section.infoCentre", href: page("infoCentre") },
        { key: "section.laws", href: page("laws") },
        { key: "menu.documents", href: "/documents" },
        { key: "menu.transparency", href: "/transparency" },
        { key: "menu.stats", href: "/stats" },
      ],
    },
    {
      key: "menu.services",
      href: "",
      children: [
        { key: "menu.complaints", href: "/complaints" },
        { key: "menu.jobs", href: "/jobs" },
        { key: "menu.search", href: "/search" },
      ],
    },
  ];
  for (const [i, top] of menu.entries()) {
    const label = both(top.key);
    const [parent] = await tx
      .insert(siteMenuItems)
      .values({ tambonId, labelTh: label.th, labelEn: label.en, href: top.href, position: i + 1 })
      .returning({ id: siteMenuItems.id });
    await tx.insert(siteMenuItems).values(
      top.children.map((c, k) => {
        const l = both(c.key);
        return {
          tambonId,
          parentId: parent!.id,
          labelTh: l.th,
          labelEn: l.en,
          href: c.href,
          position: k + 1,
        };
      }),
    );
  }
  await tx.insert(siteLinks).values([
    {
      tambonId,
      labelTh: "ตลาดงานกรมการจัดหางาน",
      labelEn: "Department of Employment job market",
      url: "https://smartjob.doe.go.th/",
      position: 1,
    },
    {
      tambonId,
      labelTh: `ศูนย์ข้อมูลข่าวสารตลาดแรงงานจังหวัด${tambon.provinceTh}`,
      labelEn: `${tambon.provinceEn} labour-market information centre`,
      url: "https://lmi.doe.go.th/",
      position: 2,
    },
  ]);
  await writeItaList(tx, tambonId, parseItaList(ita2566)!);
  await tx.insert(siteSettings).values({ tambonId });
  await audit(tx, {
    tambonId,
    actorId,
    action: "site.setup",
    targetType: "site",
    targetId: tambonId,
    after: { pages: pages.length, categories: cats.length, ita: ita2566.items.length },
  });
}
