import type { DbOrTx } from "../../../core/db/index.ts";
import { formatDate } from "../../../core/dates.ts";
import { defineMessages, type Lang } from "../../../core/i18n/index.ts";
import { enqueueNotices, type NoticeKind } from "../../../core/notices/index.ts";

/** A public hearing of a draft charter opens. */
export const HEARING_NOTICE: NoticeKind = {
  kind: "charter.hearing",
  label: { th: "การรับฟังความคิดเห็นร่างธรรมนูญ", en: "Charter hearings" },
};

const text = defineMessages("charter-notices", {
  "hearing.open": {
    th: "เปิดรับฟังความคิดเห็นร่าง{charter} ตั้งแต่ {from} ถึง {to} ร่วมแสดงความคิดเห็นได้ที่เว็บไซต์ของตำบล",
    en: "The draft {charter} is open for comments from {from} to {to}; comment on the tambon's site.",
  },
});

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
      text.t(lang)("hearing.open", {
        charter: (lang === "en" && charter.nameEn) || charter.nameTh,
        from: formatDate(from, lang),
        to: formatDate(to, lang),
      }),
  });
}
