import { asc, inArray, isNull, or } from "drizzle-orm";
import type { PageSection } from "../../../core/modules.ts";
import { formatDate } from "../../../core/dates.ts";
import { clauseSection, recordsLinkedToClause } from "../../charter/public.ts";
import { msg } from "../messages.ts";
import { indicators, projects } from "../schema.ts";
import { progressById } from "../shared/progress.ts";
import { INDICATOR_TARGET } from "../indicators/commands.ts";
import { formatValue, indicatorCards } from "../indicators/queries.ts";
import { PROJECT_TARGET, STRATEGY_TARGET, lastClauseRating, RATINGS } from "./queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/**
 * The chain charter → plan → project → indicator on a clause's page ("charter.clause"): the
 * projects that carry the clause out (linked to it, or under a strategy linked to it), the
 * indicators that follow it, and the clause's latest rating in an evaluation round.
 */
export const clauseProjects: PageSection = clauseSection({
  id: "plans.projects",
  title: (lang) => msg.t(lang)("evaluation.clauseProjects"),
  async load(db, tambon, lang, clause) {
    const links = await recordsLinkedToClause(db, tambon.id, clause, [
      PROJECT_TARGET,
      STRATEGY_TARGET,
    ]);
    const projectIds = links.filter((l) => l.targetType === PROJECT_TARGET).map((l) => l.targetId);
    const strategyIds = links
      .filter((l) => l.targetType === STRATEGY_TARGET)
      .map((l) => l.targetId);
    if (!projectIds.length && !strategyIds.length) return [];
    const rows = await db
      .select()
      .from(projects)
      .where(
        tambonWhere(
          projects,
          tambon.id,
          {},
          isNull(projects.mergedIntoId),
          or(
            projectIds.length ? inArray(projects.id, projectIds) : undefined,
            strategyIds.length ? inArray(projects.strategyId, strategyIds) : undefined,
          ),
        ),
      )
      .orderBy(asc(projects.planId), asc(projects.seq), asc(projects.id));
    const top = rows.filter((p) => p.parentId === null || projectIds.includes(p.id));
    const shown = progressById(rows);
    const t = msg.t(lang);
    return top.slice(0, 50).map((p) => ({
      href: `/t/${tambon.slug}/projects/${p.id}`,
      title: p.title,
      meta: `${t(`status.${p.status}`)} · ${t("project.progressValue", { n: shown.get(p.id) ?? p.progress })}`,
    }));
  },
});

/** The indicators linked to a clause, each with its status against the year's target. */
export const clauseIndicators: PageSection = clauseSection({
  id: "plans.indicators",
  title: (lang) => msg.t(lang)("evaluation.clauseIndicators"),
  async load(db, tambon, lang, clause) {
    const links = await recordsLinkedToClause(db, tambon.id, clause, [INDICATOR_TARGET]);
    if (!links.length) return [];
    const list = await db
      .select()
      .from(indicators)
      .where(tambonWhere(indicators, tambon.id, { id: anyOf(links.map((l) => l.targetId)) }))
      .orderBy(asc(indicators.id));
    const t = msg.t(lang);
    return (await indicatorCards(db, tambon.id, list)).map((c) => ({
      href: `/t/${tambon.slug}/indicators/${c.indicator.id}`,
      title: c.indicator.name,
      meta: [
        t(`indicator.status.${c.status}`),
        c.latest
          ? t("indicator.latest", {
              year: c.latest.year,
              value:
                `${formatValue(c.latest.value, c.indicator.decimals)} ${c.indicator.unit}`.trim(),
            })
          : "",
      ]
        .filter(Boolean)
        .join(" · "),
    }));
  },
});

/** The clause's latest rating: the round, and how many said achieved, partly and not. */
export const clauseRating: PageSection = clauseSection({
  id: "plans.rating",
  title: (lang) => msg.t(lang)("evaluation.clauseRating"),
  async load(db, tambon, lang, clause) {
    const last = await lastClauseRating(db, tambon.id, clause);
    if (!last) return [];
    const t = msg.t(lang);
    const { round, counts } = last;
    return [
      {
        href: `/t/${tambon.slug}/evaluations/${round.id}`,
        title: round.heldOn ? `${round.title} (${formatDate(round.heldOn, lang)})` : round.title,
        meta: RATINGS.map((r) => `${t(`evaluation.rating.${r}`)} ${counts[r]}`).join(" · "),
      },
    ];
  },
});
