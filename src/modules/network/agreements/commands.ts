import { count, eq } from "drizzle-orm";
import { writeOwnRow } from "../shared/commands.ts";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { agreementParties, agreements } from "../schema.ts";
import {
  checkAgreement,
  isAgreementKind,
  isAgreementStatus,
  type AgreementKind,
  type AgreementStatus,
} from "./agreement.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { missing, refused, type FieldError, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { MAX_PDF_BYTES, isPdf, newFileName, removeStored, storeFile } from "../uploads.ts";
import { tambonRow } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";
import { AGREEMENT_FIELDS } from "./fields.ts";

/** An agreement row of a tambon, or undefined (also for another tambon's). */
export async function ownAgreement(db: DbOrTx, tambonId: number, id: number) {
  if (!Number.isInteger(id) || id < 1) return undefined;
  return tambonRow(db, agreements, tambonId, id);
}

/** How many parties an agreement has. */
export async function partyCount(db: DbOrTx, agreementId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, agreementId));
  return Number(row?.n ?? 0);
}

const schema = z.object({
  titleTh: fields.text(300),
  titleEn: fields.optionalText(300),
  purposeTh: fields.optionalText(6000),
  purposeEn: fields.optionalText(6000),
  scopeTh: fields.optionalText(6000),
  scopeEn: fields.optionalText(6000),
  signedOn: fields.optionalDate(),
  startsOn: fields.optionalDate(),
  endsOn: fields.optionalDate(),
});

/** A signed document sent with the agreement form. */
export interface AgreementDocument {
  buf: Buffer;
  truncated: boolean;
}

/** The display names of a tambon as a party: "เทศบาลตำบลล้อมแรด" / "Lom Raet Subdistrict Municipality". */
export function tambonPartyNames(t: Tambon): { nameTh: string; nameEn: string } {
  return { nameTh: tambonTitle(t, "th"), nameEn: tambonTitle(t, "en") };
}

/**
 * Records or edits an agreement of the tambon. A new MOU starts with the tambon itself as its first
 * party. An agreement leaves the draft status only with a signing date and at least two parties.
 */
export async function saveAgreement(
  db: Db,
  actor: Actor,
  tambon: Tambon,
  input: Record<string, string>,
  extras: { document?: AgreementDocument | null; removeDocument?: boolean },
  id?: number,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  const tambonId = tambon.id;
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  const current = id ? await ownAgreement(db, tambonId, id) : undefined;
  if (id && !current) return missing();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const kind: AgreementKind | null = current
    ? current.kind
    : isAgreementKind(input.kind)
      ? input.kind
      : null;
  const status: AgreementStatus | null = isAgreementStatus(input.status) ? input.status : null;
  const errors: Record<string, FieldError<NetKey | CoreKey>> = {};
  if (!kind) errors.kind = { key: "err.choice" };
  if (!status) errors.status = { key: "err.choice" };
  if (extras.document && (extras.document.truncated || extras.document.buf.length > MAX_PDF_BYTES))
    errors.document = { key: "err.pdfTooLarge" };
  else if (extras.document && !isPdf(extras.document.buf)) errors.document = { key: "err.pdf" };
  const parties = current ? await partyCount(db, current.id) : kind === "mou" ? 1 : 0;
  if (status) {
    const problems = checkAgreement({
      status,
      ...pick(v, "signedOn", "startsOn", "endsOn"),
      partyCount: parties,
    });
    for (const [field, nkey] of Object.entries(problems)) errors[field] ??= { key: nkey };
  }
  if (Object.keys(errors).length || !kind || !status) return { ok: false, errors };

  let documentFile = current?.documentFile ?? null;
  let documentBytes = current?.documentBytes ?? null;
  const newDoc = extras.document ? newFileName("agreement", "pdf") : null;
  if (newDoc && extras.document) {
    documentFile = newDoc;
    documentBytes = extras.document.buf.length;
  } else if (extras.removeDocument) {
    documentFile = null;
    documentBytes = null;
  }
  const values = {
    tambonId,
    kind,
    createdBy: current ? current.createdBy : (actor.user?.id ?? null),
    ...pick(v, ...AGREEMENT_FIELDS),
    status,
    documentFile,
    documentBytes,
    updatedAt: new Date(),
  };
  const row = await db.transaction(async (tx) => {
    // The document is stored with the agreement that names it, the one it replaces removed.
    if (newDoc && extras.document) await storeFile(tx, tambonId, newDoc, extras.document.buf);
    if (current?.documentFile && current.documentFile !== documentFile)
      await removeStored(tx, tambonId, current.documentFile);
    const [row] = await writeOwnRow(tx, agreements, tambonId, current?.id, values);
    if (!current && kind === "mou") {
      const own = tambonPartyNames(tambon);
      await tx.insert(agreementParties).values({
        tambonId,
        agreementId: row!.id,
        partyKind: "tambon",
        partyDopaCode: tambon.dopaCode,
        nameTh: own.nameTh,
        nameEn: own.nameEn,
        position: 1,
      });
    }
    await auditBy(tx, actor, tambonId, {
      action: current ? "agreement.update" : "agreement.create",
      targetType: "agreement",
      targetId: row!.id,
      before: current ? { titleTh: current.titleTh, status: current.status } : null,
      after: { titleTh: values.titleTh, kind, status, document: documentFile },
    });
    return row!;
  });
  return { ok: true, value: { id: row.id } };
}
