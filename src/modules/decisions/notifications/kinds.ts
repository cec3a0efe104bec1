import type { NoticeKind } from "../../../core/notices/index.ts";

/*
 * The decisions module's kinds of notice by LINE and e-mail. Its notifications are also e-mailed
 * in its own digest (each or daily, as the member chose there), so e-mail here is off unless the
 * member turns it on.
 */

/** A vote opens on a question the member follows, or closes soon. */
export const VOTE_NOTICE: NoticeKind = {
  kind: "decisions.vote",
  label: { th: "การลงคะแนนเปิดและใกล้ปิด", en: "A vote opening and closing soon" },
  defaults: { email: false },
};

/** Someone delegated their vote to the member. */
export const DELEGATION_NOTICE: NoticeKind = {
  kind: "decisions.delegation",
  label: { th: "มีผู้มอบสิทธิ์ลงคะแนนให้ฉัน", en: "A delegation received" },
  defaults: { email: false },
};

/** The member's delegate voted on a question the member has not voted on. */
export const DELEGATE_VOTED_NOTICE: NoticeKind = {
  kind: "decisions.delegate-voted",
  label: { th: "ผู้รับมอบสิทธิ์ของฉันลงคะแนนแล้ว", en: "My delegate voted" },
  defaults: { email: false },
};

/** Every kind, for the manifest. */
export const DECISION_NOTICES = [VOTE_NOTICE, DELEGATION_NOTICE, DELEGATE_VOTED_NOTICE];
