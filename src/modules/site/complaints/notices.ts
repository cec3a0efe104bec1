import type { DbOrTx } from "../../../core/db/index.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { isEmail } from "../../../core/forms.ts";
import { enqueueEmail, enqueueNotices, type NoticeKind } from "../../../core/notices/index.ts";
import type { siteComplaints } from "./schema.ts";

/** A change of status of a complaint or request the member filed. */
export const COMPLAINT_NOTICE: NoticeKind = {
  kind: "site.complaint",
  label: { th: "สถานะเรื่องร้องเรียนของฉัน", en: "My complaints' status" },
};

type Complaint = typeof siteComplaints.$inferSelect;

/**
 * Tells whoever filed a complaint that its status changed (inside the update's transaction): the
 * member who filed it while signed in, or the e-mail address given as contact. A complaint of the
 * corruption channel tells no one by these channels: its filer stays unnamed.
 */
export async function tellFiler(tx: DbOrTx, row: Complaint): Promise<void> {
  if (row.channel !== "general") return;
  const words = (lang: Lang) => {
    const t = msg.t(lang);
    const line = t("notice.complaint.status", {
      code: row.code,
      subject: row.subject,
      status: t(`notice.complaint.${row.status}`),
    });
    return row.answer && row.status !== "in_progress"
      ? `${line}\n${t("notice.complaint.answer", { answer: row.answer })}`
      : line;
  };
  if (row.filedBy)
    await enqueueNotices(tx, {
      tambonId: row.tambonId,
      userIds: [row.filedBy],
      kind: COMPLAINT_NOTICE,
      text: words,
    });
  else if (isEmail(row.contact.trim()))
    await enqueueEmail(tx, {
      tambonId: row.tambonId,
      kind: COMPLAINT_NOTICE,
      to: row.contact.trim(),
      lang: "th",
      text: `${words("th")}\n\n${words("en")}`,
    });
}
