import { formatDate, formatDateTime } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import type { CommunityKey } from "../shared/result.ts";
import type { HistoryRow } from "./history.ts";
import { useCommunity } from "../shared/views.tsx";

/** The label of a field in the history (the form's own label). */
const FIELD_LABELS: Record<string, CommunityKey> = {
  houseNo: "household.houseNo",
  villageId: "household.village",
  locationText: "household.locationText",
  lat: "household.lat",
  lng: "household.lng",
  status: "household.status",
  householdId: "person.moveTo",
  name: "person.name",
  thaiId: "person.thaiId",
  birthDate: "person.birthDate",
  sex: "person.sex",
  relation: "person.relation",
  conditions: "person.conditions",
  purpose: "person.purpose",
  lawfulBasis: "person.lawfulBasis",
  consent: "person.consent",
  consentAt: "person.consentAt",
  retainUntil: "person.retainUntil",
};

/** Value words of the fields whose values are codes. */
const VALUE_PREFIX: Record<string, string> = {
  sex: "person.sex.",
  relation: "person.relation.",
  conditions: "person.condition.",
  lawfulBasis: "person.basis.",
  consent: "person.consent.",
};

/** A history row's value as a reader sees it (codes in words, days in พ.ศ.). */
function Value({ field, value, entity }: { field: string; value: unknown; entity: string }) {
  const { lang, t } = useCommunity();
  if (value === null || value === undefined || value === "") return <>{t("history.empty")}</>;
  const word = (v: string) => {
    const prefix =
      field === "status"
        ? entity === "person"
          ? "person.status."
          : "household.status."
        : VALUE_PREFIX[field];
    const key = `${prefix ?? ""}${v}`;
    return prefix && Object.hasOwn(msg.messages, key) ? t(key as CommunityKey) : v;
  };
  if (Array.isArray(value))
    return <>{value.map((v) => word(String(v))).join(", ") || t("history.empty")}</>;
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return <>{formatDate(s, lang)}</>;
  return <>{word(s)}</>;
}

/** A record's history: each change with its fields from before to after, newest first. */
export function History({ rows, names }: { rows: HistoryRow[]; names: Map<number, string> }) {
  const { lang, t } = useCommunity();
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t("history.title")}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t("history.none")}</p>
      ) : (
        <ol class="registry-history">
          {rows.map((r) => {
            const erased = Object.values(r.changes).every(([b, a]) => b === null && a === null);
            return (
              <li key={r.id}>
                <p>
                  <strong>{t(`history.action.${r.action}`)}</strong> · {formatDateTime(r.at, lang)}{" "}
                  · {t(`history.via.${r.via}`)}
                  {r.byUser !== null && names.has(r.byUser) && (
                    <> · {t("history.by", { name: names.get(r.byUser)! })}</>
                  )}
                </p>
                <ul>
                  {Object.entries(r.changes).map(([field, [before, after]]) => (
                    <li key={field}>
                      {FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field}:{" "}
                      {erased ? (
                        t("history.erased")
                      ) : (
                        <>
                          <Value field={field} value={before} entity={r.entity} /> →{" "}
                          <Value field={field} value={after} entity={r.entity} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
