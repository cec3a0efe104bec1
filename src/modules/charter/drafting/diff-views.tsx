import { useCtx } from "../../../core/views/ctx.ts";
import type { DiffPart } from "../../../core/text-diff.ts";
import type { CharterDiff, ClauseChange } from "../diff.ts";
import type { DigitStyle } from "../digits.ts";
import { chapterLabel, clauseLabel, num } from "../present.ts";
import { textIn, useT } from "../shared/views.tsx";
import type { CharterRow } from "../charters/queries.ts";

/** A word-level diff with insertions and deletions marked (and named for screen readers). */
export function DiffText({ parts, digits }: { parts: DiffPart[]; digits: DigitStyle }) {
  const { lang } = useCtx();
  const t = useT();
  const text = (x: string) => textIn(x, digits, lang);
  return (
    <p class="diff">
      {parts.map((p, i) =>
        p.kind === "add" ? (
          <ins key={i}>
            <span class="visually-hidden">[{t("diff.inserted")} </span>
            {text(p.text)}
            <span class="visually-hidden">]</span>
          </ins>
        ) : p.kind === "del" ? (
          <del key={i}>
            <span class="visually-hidden">[{t("diff.deleted")} </span>
            {text(p.text)}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{text(p.text)}</span>
        ),
      )}
    </p>
  );
}

/** The clause-by-clause comparison of two versions. */
export function DiffView(props: {
  diff: CharterDiff;
  charter: CharterRow;
  showAll: boolean;
  toggleHref: string;
}) {
  const { lang } = useCtx();
  const t = useT();
  const { diff, charter } = props;
  const d = charter.digits;
  const s = diff.summary;
  const changes = diff.clauses.filter((c) => props.showAll || c.kind !== "same");
  const hidden = diff.clauses.length - changes.length;
  const place = (p: ClauseChange["before"]) =>
    p
      ? `${clauseLabel(p.number, lang, d)}${p.chapter ? ` (${chapterLabel(p.chapter, lang, d)})` : ""}`
      : "";
  const nothing =
    !diff.title &&
    !diff.preamble &&
    changes.every((c) => c.kind === "same") &&
    diff.chapters.every((c) => c.kind === "same") &&
    diff.definitions.every((x) => x.kind === "same");
  return (
    <div class="charter-diff">
      <p>
        {t("diff.summary", {
          added: num(s.added, d, lang),
          removed: num(s.removed, d, lang),
          changed: num(s.changed, d, lang),
          moved: num(s.moved, d, lang),
          renumbered: num(s.renumbered, d, lang),
        })}
      </p>
      <p class="muted">{t("diff.legend")}</p>
      {nothing && <p>{t("diff.noChanges")}</p>}
      {diff.title && (
        <section class="diff-item changed">
          <h3>{t("draft.docTitle")}</h3>
          <DiffText parts={diff.title} digits={d} />
        </section>
      )}
      {diff.preamble && (
        <section class="diff-item changed">
          <h3>{t("edition.preamble")}</h3>
          <DiffText parts={diff.preamble} digits={d} />
        </section>
      )}
      {diff.definitions
        .filter((x) => x.kind !== "same")
        .map((x) => (
          <section key={`d${x.key}`} class={`diff-item ${x.kind}`}>
            <h3>
              {t("edition.definitions")}: “{x.term}”{" "}
              <span class="badge">{t(`diff.${x.kind}`)}</span>
            </h3>
            {x.kind === "changed" ? (
              <>
                {x.termParts && <DiffText parts={x.termParts} digits={d} />}
                {x.meaningParts && <DiffText parts={x.meaningParts} digits={d} />}
              </>
            ) : (
              <p>{(x.after ?? x.before)!.meaning}</p>
            )}
          </section>
        ))}
      {diff.chapters
        .filter((c) => c.kind !== "same")
        .map((c) => (
          <section key={`ch${c.key}`} class={`diff-item ${c.kind}`}>
            <h3>
              {c.after
                ? chapterLabel(c.after.number, lang, d)
                : chapterLabel(c.before!.number, lang, d)}{" "}
              <span class="badge">{t(`diff.${c.kind}`)}</span>
              {c.before && c.after && c.before.number !== c.after.number && (
                <span class="muted">
                  {" "}
                  ({t("diff.was", { label: chapterLabel(c.before.number, lang, d) })})
                </span>
              )}
            </h3>
            {c.parts ? (
              <DiffText parts={c.parts} digits={d} />
            ) : (
              <p>{(c.after ?? c.before)!.title}</p>
            )}
          </section>
        ))}
      {changes.map((c) => (
        <section key={c.key} class={`diff-item ${c.kind}`}>
          <h3>
            {c.after ? place(c.after) : place(c.before)}{" "}
            <span class="badge">{t(`diff.${c.kind}`)}</span>
            {c.kind === "changed" && c.moved && <span class="badge">{t("diff.moved")}</span>}
            {c.before && c.after && c.renumbered && (
              <span class="muted">
                {" "}
                ({t("diff.was", { label: clauseLabel(c.before.number, lang, d) })})
              </span>
            )}
          </h3>
          {c.parts ? (
            <DiffText parts={c.parts} digits={d} />
          ) : c.kind === "removed" ? (
            <p class="diff">
              <del>{textIn(c.before!.text, d, lang)}</del>
            </p>
          ) : c.kind === "added" ? (
            <p class="diff">
              <ins>{textIn(c.after!.text, d, lang)}</ins>
            </p>
          ) : (
            <p>{textIn(c.after!.text, d, lang)}</p>
          )}
        </section>
      ))}
      <p>
        {hidden > 0 && (
          <span class="muted">{t("diff.unchangedHidden", { n: num(hidden, d, lang) })} · </span>
        )}
        <a href={props.toggleHref}>{props.showAll ? t("diff.onlyChanges") : t("diff.showAll")}</a>
      </p>
    </div>
  );
}
