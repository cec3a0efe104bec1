import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambons } from "../../../core/db/schema.ts";
import { formatDate } from "../../../core/dates.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { enqueueEmail, enqueueNotices, type NoticeKind } from "../../../core/notices/index.ts";
import { learningCentres, studyVisits } from "../schema.ts";

/** The host's answer to a study visit request, told to whoever asked. */
export const VISIT_ANSWERED: NoticeKind = {
  kind: "network.visit",
  label: { th: "คำตอบคำขอศึกษาดูงานของตำบล", en: "Answers to the tambon's study visit requests" },
};

type Visit = typeof studyVisits.$inferSelect;

/**
 * Tells whoever asked for a study visit how the host answered (inside the answer's transaction):
 * the member of another tambon who asked, through that tambon's notices; a group that asked
 * through the public form, by the e-mail address it gave.
 */
export async function tellVisitRequester(
  tx: DbOrTx,
  visit: Visit,
  answer: { status: "accepted" | "proposed" | "declined"; date: string; hostNote: string },
): Promise<void> {
  const requester = visit.requestedBy && visit.requestingTambonId;
  const byMail = visit.source === "public" && visit.contactEmail;
  if (!requester && !byMail) return;
  const [host] = await tx
    .select({ nameTh: tambons.nameTh, nameEn: tambons.nameEn })
    .from(tambons)
    .where(eq(tambons.id, visit.tambonId));
  const [centre] = await tx
    .select({ nameTh: learningCentres.nameTh, nameEn: learningCentres.nameEn })
    .from(learningCentres)
    .where(eq(learningCentres.id, visit.centreId));
  const words = (lang: Lang) => {
    const t = msg.t(lang);
    const name = (n: { nameTh: string; nameEn: string } | undefined) =>
      (lang === "en" ? n?.nameEn || n?.nameTh : n?.nameTh) ?? "";
    const line = t(`notice.visit.${answer.status}`, {
      host: name(host),
      group: visit.groupName,
      centre: name(centre),
      date: formatDate(answer.date, lang),
    });
    return answer.hostNote ? `${line}\n${t("notice.visit.note", { note: answer.hostNote })}` : line;
  };
  if (visit.requestedBy && visit.requestingTambonId)
    await enqueueNotices(tx, {
      tambonId: visit.requestingTambonId,
      userIds: [visit.requestedBy],
      kind: VISIT_ANSWERED,
      text: words,
    });
  else if (byMail)
    await enqueueEmail(tx, {
      tambonId: visit.tambonId,
      kind: VISIT_ANSWERED,
      to: visit.contactEmail,
      lang: "th",
      text: `${words("th")}\n\n${words("en")}`,
    });
}
