import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { at, userRef, tambonKeys, partOf, createdAt } from "../../../core/db/columns.ts";

/** A post in the members' corner (มุมสมาชิก); shown once an editor approves it. */
export const sitePosts = pgTable(
  "site_posts",
  {
    ...tambonKeys(),
    authorId: userRef("author_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<"pending" | "approved" | "hidden">().notNull().default("pending"),
    reason: text("reason").notNull().default(""),
    moderatedBy: userRef("moderated_by"),
    moderatedAt: at("moderated_at"),
    createdAt: createdAt(),
  },
  (t) => [index("site_posts_tambon_idx").on(t.tambonId, t.status, t.createdAt)],
);

/** A comment on a members' corner post. */
export const siteComments = pgTable(
  "site_comments",
  {
    ...tambonKeys(),
    postId: partOf("post_id", () => sitePosts.id),
    authorId: userRef("author_id"),
    body: text("body").notNull(),
    hidden: boolean("hidden").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("site_comments_post_idx").on(t.tambonId, t.postId)],
);

/** A report of abuse on a post or comment, for the editors. */
export const siteReports = pgTable(
  "site_reports",
  {
    ...tambonKeys(),
    postId: partOf("post_id", () => sitePosts.id),
    commentId: integer("comment_id").references(() => siteComments.id, { onDelete: "cascade" }),
    reporterId: userRef("reporter_id"),
    reason: text("reason").notNull(),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("site_reports_tambon_idx").on(t.tambonId, t.resolvedAt)],
);
