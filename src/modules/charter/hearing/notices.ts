import type { DbOrTx } from "../../../core/db/index.ts";
import { formatDate } from "../../../core/dates.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { enqueueNotices, type NoticeKind } from "../../../core/notices/index.ts";

/** A public hearing of a draft charter opens. */
export const HEARING_NOTICE: NoticeKind = {
  kind: "charter.hearing",
  label: { th: "การรับฟังความคิดเห็นร่างธรรมนูญ", en: "Charter hearings" },
};

/** Tells every member of the tambon that a draft's public hearing opened (in its transaction). */
export async function tellHearingOpened(
  tx: DbOrTx,
  tambonId: number,
  charter: { nameTh: string; nameEn?: string | null },
  from: string,
  to: string,
): Promise<void> {
  await enqueueNotices(tx, {
    tambonId,
    userIds: "members",
    kind: HEARING_NOTICE,
    text: (lang: Lang) =>
      msg.t(lang)("notice.hearing.open", {
        charter: (lang === "en" && charter.nameEn) || charter.nameTh,
        from: formatDate(from, lang),
        to: formatDate(to, lang),
      }),
  });
}
