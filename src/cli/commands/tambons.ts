import { eq } from "drizzle-orm";
import type { CommandArgs } from "../../core/cli.ts";
import type { Config } from "../../core/config.ts";
import type { Database } from "../../core/db/index.ts";
import { tambons } from "../../core/db/schema.ts";
import { publicUrl } from "../../core/http.ts";
import type { ImportField } from "../../core/imports.ts";
import {
  createTambon,
  grantFirstAdmin,
  lookupSubdistrict,
  slugify,
} from "../../core/commands/tambons.ts";
import { contactOf, inviteFirstAdmin } from "../../core/commands/invitations.ts";
import { findUserByIdentifier } from "../../core/commands/accounts.ts";
import type { TambonModule } from "../../core/modules.ts";
import { core } from "../../core/i18n/messages.ts";
import { mailerFor, type Mailer } from "../../core/mail.ts";
import {
  allOrNothing,
  networkAdmin,
  problem,
  resultProblem,
  runSetupFile,
  type SetupOptions,
  type SetupRow,
} from "./setup-csv.ts";

/** The columns of `tambon tambons add FILE`, matched by these names in Thai or English. */
export const TAMBON_FIELDS: readonly ImportField[] = [
  {
    name: "dopa_code",
    label: { th: "รหัสตำบล", en: "DOPA code" },
    aliases: ["code", "dopa", "รหัส", "geocode"],
    required: true,
  },
  { name: "slug", label: { th: "ชื่อในที่อยู่เว็บ", en: "Slug" }, aliases: ["url"] },
  { name: "kind", label: { th: "ประเภท", en: "Kind" }, aliases: ["type"] },
  { name: "name_th", label: { th: "ชื่อตำบล", en: "Thai name" }, aliases: ["ตำบล", "name"] },
  { name: "name_en", label: { th: "ชื่อภาษาอังกฤษ", en: "English name" } },
  { name: "province", label: { th: "จังหวัด", en: "Province" }, aliases: ["province_code"] },
  { name: "district", label: { th: "อำเภอ", en: "District" }, aliases: ["district_code"] },
  {
    name: "admin",
    label: { th: "ผู้ดูแลตำบล", en: "First admin" },
    aliases: ["first_admin", "ผู้ดูแลระบบ"],
  },
  {
    name: "admin_name",
    label: { th: "ชื่อผู้ดูแลตำบล", en: "First admin name" },
    aliases: ["first_admin_name"],
  },
];

const KINDS: Record<string, "sao" | "municipality"> = {
  sao: "sao",
  "อบต.": "sao",
  อบต: "sao",
  องค์การบริหารส่วนตำบล: "sao",
  municipality: "municipality",
  เทศบาลตำบล: "municipality",
  "ทต.": "municipality",
};

/** A name as compared: spaces and case ignored, and the Thai "ตำบล"/"ต." before it. */
const sameName = (a: string, b: string) => {
  const n = (s: string) =>
    s
      .toLowerCase()
      .replace(/^(ตำบล|ต\.)\s*/, "")
      .replace(/\s+/g, "");
  return n(a) === n(b);
};

/** An invitation made for a new tambon's first admin, printed once the file is applied. */
interface Invited {
  line: number;
  slug: string;
  /** The tambon's name in Thai and English, for the invitation e-mail. */
  name: { th: string; en: string };
  contact: string;
  url: string;
}

/**
 * Adds every tambon of the file as the network administration page adds one (createTambon, its
 * modules' defaults, its first admin granted or invited), in one transaction. A row whose tambon
 * is there already with the same slug is unchanged, so the same file can be run again.
 */
export async function addTambons(
  database: Database,
  config: Pick<Config, "publicUrl" | "host" | "port">,
  modules: TambonModule[],
  rows: SetupRow[],
  opts: SetupOptions,
) {
  const actor = await networkAdmin(database.db, "tambons add", opts.as);
  const invited: Invited[] = [];
  const result = await allOrNothing(database.db, opts.dryRun, async (db, counts, problems) => {
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      const code = cells.dopa_code!.replace(/\s+/g, "");
      const place = await lookupSubdistrict(code);
      if (!place) {
        problems.push(
          problem(
            line,
            `ไม่พบรหัสตำบล "${code}" ในรายชื่อตำบลของกรมการปกครอง`,
            `no subdistrict with DOPA code "${code}"`,
          ),
        );
        continue;
      }
      const first = seen.get(code);
      if (first !== undefined) {
        problems.push(
          problem(line, `รหัสตำบลซ้ำกับแถว ${first}`, `the same DOPA code as row ${first}`),
        );
        continue;
      }
      seen.set(code, line);
      const checks: [string, string, string][] = [
        ["name_th", place.nameTh, "ชื่อตำบล"],
        ["name_en", place.nameEn, "English name"],
      ];
      const wrongName = checks.find(([f, official]) => cells[f] && !sameName(cells[f]!, official));
      if (wrongName) {
        problems.push(
          problem(
            line,
            `รหัส ${code} คือตำบล${place.nameTh} อำเภอ${place.districtTh} ไม่ใช่ "${cells[wrongName[0]]}"`,
            `code ${code} is ${place.nameEn}, ${place.districtEn}, not "${cells[wrongName[0]]}"`,
          ),
        );
        continue;
      }
      const province = cells.province?.replace(/\s+/g, "");
      const district = cells.district?.replace(/\s+/g, "");
      if (
        (province && province !== code.slice(0, 2) && !sameName(province, place.provinceTh)) ||
        (district && district !== code.slice(0, 4) && !sameName(district, place.districtTh))
      ) {
        problems.push(
          problem(
            line,
            `รหัส ${code} อยู่ในอำเภอ${place.districtTh} จังหวัด${place.provinceTh}`,
            `code ${code} is in ${place.districtEn}, ${place.provinceEn}`,
          ),
        );
        continue;
      }
      const rawKind = cells.kind?.trim().toLowerCase() || "sao";
      const kind = KINDS[rawKind];
      if (!kind) {
        problems.push(
          problem(
            line,
            `ประเภทต้องเป็น อบต. หรือ เทศบาลตำบล ไม่ใช่ "${cells.kind}"`,
            `kind must be sao or municipality, not "${cells.kind}"`,
          ),
        );
        continue;
      }
      const slug = (cells.slug || slugify(place.nameEn)).toLowerCase();
      const [existing] = await db.select().from(tambons).where(eq(tambons.dopaCode, code));
      if (existing) {
        if (existing.slug === slug) counts.unchanged++;
        else
          problems.push(
            problem(
              line,
              `มีตำบลนี้แล้วในชื่อ ${existing.slug}`,
              `this tambon is there already, as ${existing.slug}`,
            ),
          );
        continue;
      }
      // The first admin: an account that exists, or someone invited by phone or e-mail.
      const adminText = cells.admin?.trim() ?? "";
      const adminUser = adminText ? await findUserByIdentifier(db, adminText) : undefined;
      if (adminText && !adminUser && !contactOf(adminText)) {
        problems.push(
          problem(
            line,
            `ไม่พบบัญชี "${adminText}" และไม่ใช่เบอร์โทรศัพท์หรืออีเมล`,
            `no account "${adminText}", and not a phone number or e-mail address`,
          ),
        );
        continue;
      }
      const created = await createTambon(db, actor, { dopaCode: code, slug, kind }, modules);
      if (!created.ok) {
        problems.push(resultProblem(line, created.errors));
        continue;
      }
      const tambon = created.value;
      if (adminUser) await grantFirstAdmin(db, actor, tambon.id, adminUser.id);
      else if (adminText) {
        const invite = await inviteFirstAdmin(db, actor, tambon, {
          contact: adminText,
          name: cells.admin_name ?? "",
        });
        if (!invite.ok) {
          problems.push(resultProblem(line, invite.errors));
          continue;
        }
        invited.push({
          line,
          slug,
          name: { th: `ตำบล${tambon.nameTh}`, en: `${tambon.nameEn} Subdistrict` },
          contact: adminText,
          url: publicUrl(config, `/reset/${invite.value.token}`, tambon),
        });
      }
      counts.create++;
    }
  });
  return { ...result, invited: result.applied ? invited : [] };
}

/**
 * Prints each invitation link and, when e-mail is configured, sends those that went to an address
 * (as the network administration page does), in Thai and English. A message that cannot be sent
 * is reported and its link stays printed: the tambons are added either way.
 */
export async function passOnInvitations(invited: Invited[], mailer: Mailer | null): Promise<void> {
  for (const i of invited) {
    let mailed = false;
    if (mailer && i.contact.includes("@")) {
      const [th, en] = [core.t("th"), core.t("en")];
      try {
        await mailer.sendMail({
          to: i.contact,
          subject: `${th("networkAdmin.inviteSubject", { name: i.name.th })} / ${en("networkAdmin.inviteSubject", { name: i.name.en })}`,
          text: `${th("networkAdmin.inviteText", { name: i.name.th, url: i.url })}\n\n${en("networkAdmin.inviteText", { name: i.name.en, url: i.url })}\n`,
        });
        mailed = true;
      } catch (err) {
        process.stderr.write(
          `tambons add: ส่งอีเมลถึง ${i.contact} ไม่ได้ / could not e-mail ${i.contact}: ${(err as Error).message.split("\n")[0]}\n`,
        );
      }
    }
    process.stdout.write(
      `คำเชิญผู้ดูแลตำบล / first admin invitation: ${i.slug} ${i.contact} ${i.url}${mailed ? " (ส่งทางอีเมลแล้ว / e-mailed)" : ""}\n`,
    );
  }
}

/** `tambon tambons add FILE [--dry-run] [--as USERNAME]`. */
export async function run(args: CommandArgs): Promise<number> {
  const command = { name: "tambons", verb: "add", fields: TAMBON_FIELDS };
  return runSetupFile(args, command, async (database, config, rows, options) => {
    const { modules } = await import("../../modules/index.ts");
    const result = await addTambons(database, config, modules, rows, options);
    const byMail = result.invited.some((i) => i.contact.includes("@"));
    await passOnInvitations(result.invited, byMail ? await mailerFor(config) : null);
    return result;
  });
}
