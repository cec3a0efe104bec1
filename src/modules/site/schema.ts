import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tambonId, at, userRef } from "../../core/db/columns.ts";

/** PostgreSQL's full-text vector (filled from Thai text segmented into words). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const created = () => at("created_at").notNull().defaultNow();
const updated = () => at("updated_at").notNull().defaultNow();

/** A rich-text page of the website (history, vision, contact …); `section` marks the standard ones. */
export const sitePages = pgTable(
  "site_pages",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    section: text("section"),
    titleTh: text("title_th").notNull(),
    titleEn: text("title_en").notNull().default(""),
    bodyMd: text("body_md").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    published: boolean("published").notNull().default(true),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("site_pages_tambon_idx").on(t.tambonId, t.section)],
);

/** An entry of the website's menu; entries with a parent form a sub-menu. */
export const siteMenuItems = pgTable(
  "site_menu_items",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    parentId: integer("parent_id"),
    labelTh: text("label_th").notNull(),
    labelEn: text("label_en").notNull().default(""),
    href: text("href").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("site_menu_items_tambon_idx").on(t.tambonId, t.position)],
);

/** A category of news (ข่าวประชาสัมพันธ์, กิจกรรม, ประกาศ …). */
export const siteCategories = pgTable(
  "site_categories",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    slug: text("slug").notNull(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("site_categories_slug_key").on(t.tambonId, t.slug)],
);

/** A news item or article; visible once published and its publication time has come. */
export const siteNews = pgTable(
  "site_news",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    categoryId: integer("category_id").references(() => siteCategories.id, {
      onDelete: "set null",
    }),
    slug: text("slug").notNull().default(""),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    bodyMd: text("body_md").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    coverPhotoId: integer("cover_photo_id"),
    albumId: integer("album_id"),
    status: text("status").$type<"draft" | "published">().notNull().default("draft"),
    publishAt: at("publish_at"),
    authorId: userRef("author_id"),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("site_news_tambon_pub_idx").on(t.tambonId, t.status, t.publishAt)],
);

/** A photo album. */
export const siteAlbums = pgTable(
  "site_albums",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    published: boolean("published").notNull().default(true),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index("site_albums_tambon_idx").on(t.tambonId)],
);

/** An uploaded photo: the original file is kept; `file` names it and its generated sizes. */
export const sitePhotos = pgTable(
  "site_photos",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    albumId: integer("album_id").references(() => siteAlbums.id, { onDelete: "cascade" }),
    postId: integer("post_id"),
    file: text("file").notNull(),
    ext: text("ext").notNull(),
    originalName: text("original_name").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    caption: text("caption").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: created(),
  },
  (t) => [
    index("site_photos_album_idx").on(t.tambonId, t.albumId, t.position),
    index("site_photos_post_idx").on(t.tambonId, t.postId),
  ],
);

/** A document (PDF, XLSX, DOCX) attached to a page or a news item, or standing alone. */
export const siteDocuments = pgTable(
  "site_documents",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    title: text("title").notNull(),
    file: text("file").notNull(),
    ext: text("ext").notNull(),
    bytes: integer("bytes").notNull(),
    pageId: integer("page_id").references(() => sitePages.id, { onDelete: "set null" }),
    newsId: integer("news_id").references(() => siteNews.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [index("site_documents_tambon_idx").on(t.tambonId)],
);

/** A post in the members' corner (มุมสมาชิก); shown once an editor approves it. */
export const sitePosts = pgTable(
  "site_posts",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    authorId: userRef("author_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<"pending" | "approved" | "hidden">().notNull().default("pending"),
    reason: text("reason").notNull().default(""),
    moderatedBy: userRef("moderated_by"),
    moderatedAt: at("moderated_at"),
    createdAt: created(),
  },
  (t) => [index("site_posts_tambon_idx").on(t.tambonId, t.status, t.createdAt)],
);

/** A comment on a members' corner post. */
export const siteComments = pgTable(
  "site_comments",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    postId: integer("post_id")
      .notNull()
      .references(() => sitePosts.id, { onDelete: "cascade" }),
    authorId: userRef("author_id"),
    body: text("body").notNull(),
    hidden: boolean("hidden").notNull().default(false),
    createdAt: created(),
  },
  (t) => [index("site_comments_post_idx").on(t.tambonId, t.postId)],
);

/** A report of abuse on a post or comment, for the editors. */
export const siteReports = pgTable(
  "site_reports",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    postId: integer("post_id")
      .notNull()
      .references(() => sitePosts.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => siteComments.id, { onDelete: "cascade" }),
    reporterId: userRef("reporter_id"),
    reason: text("reason").notNull(),
    resolvedAt: at("resolved_at"),
    createdAt: created(),
  },
  (t) => [index("site_reports_tambon_idx").on(t.tambonId, t.resolvedAt)],
);

/** A job posting on the job-market board (ตลาดงาน); hides itself after its closing date. */
export const siteJobs = pgTable(
  "site_jobs",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    title: text("title").notNull(),
    employer: text("employer").notNull(),
    place: text("place").notNull().default(""),
    wage: text("wage").notNull().default(""),
    contact: text("contact").notNull(),
    details: text("details").notNull().default(""),
    closesOn: date("closes_on").notNull(),
    status: text("status").$type<"pending" | "approved" | "hidden">().notNull().default("pending"),
    createdBy: userRef("created_by"),
    createdAt: created(),
  },
  (t) => [index("site_jobs_tambon_idx").on(t.tambonId, t.status, t.closesOn)],
);

/** Links of the job-market box (the provincial labour-market information centre …). */
export const siteLinks = pgTable(
  "site_links",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    labelTh: text("label_th").notNull(),
    labelEn: text("label_en").notNull().default(""),
    url: text("url").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("site_links_tambon_idx").on(t.tambonId)],
);

/** Visits per day: distinct visitors (by a daily salted hash, never stored) and page views. */
export const siteVisitDays = pgTable(
  "site_visit_days",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    day: date("day").notNull(),
    visitors: integer("visitors").notNull().default(0),
    views: integer("views").notNull().default(0),
  },
  (t) => [uniqueIndex("site_visit_days_key").on(t.tambonId, t.day)],
);

/** Page views per page per day (for the top pages). */
export const sitePageViews = pgTable(
  "site_page_views",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    day: date("day").notNull(),
    path: text("path").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [uniqueIndex("site_page_views_key").on(t.tambonId, t.day, t.path)],
);

/** Counts carried over from a tambon's previous website (added to the totals). */
export const siteSettings = pgTable(
  "site_settings",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    visitorsBefore: integer("visitors_before").notNull().default(0),
    viewsBefore: integer("views_before").notNull().default(0),
  },
  (t) => [uniqueIndex("site_settings_key").on(t.tambonId)],
);

/** What the search finds: the website's own items and those other modules put in. */
export const SEARCH_KINDS = [
  "page",
  "news",
  "post",
  "job",
  "document",
  "question",
  "clause",
  "meeting",
  "resolution",
  "partner",
  "centre",
  "plan",
  "project",
] as const;

/**
 * The search index: one row per public page, news item, post, job, document, question, charter
 * clause, meeting, resolution, partner, learning centre, plan or project, words segmented. The
 * tsvector also holds two marker lexemes, `§t<tambon id>` and `§k<kind>`, so that the GIN index
 * alone finds one tambon's (and one kind's) matches; the body keeps only what snippets show.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    kind: text("kind")
      .$type<(typeof SEARCH_KINDS)[number]>()
      .notNull(),
    refId: integer("ref_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url").notNull(),
    tsv: tsvector("tsv").notNull(),
    /** Hidden from search before this time (scheduled news) and after `visibleUntil` (closed jobs). */
    visibleFrom: at("visible_from"),
    visibleUntil: at("visible_until"),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex("search_documents_ref_key").on(t.tambonId, t.kind, t.refId),
    index("search_documents_tsv_idx").using("gin", t.tsv),
  ],
);

/** One item of the transparency list (ITA/OIT) of a fiscal year, with what satisfies it. */
export const itaItems = pgTable(
  "ita_items",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    fiscalYear: integer("fiscal_year").notNull(),
    code: text("code").notNull(),
    groupCode: text("group_code").notNull().default(""),
    groupTitle: text("group_title").notNull().default(""),
    title: text("title").notNull(),
    position: integer("position").notNull().default(0),
    linkKind: text("link_kind").$type<"page" | "news" | "document" | "url">(),
    linkId: integer("link_id"),
    linkUrl: text("link_url"),
  },
  (t) => [uniqueIndex("ita_items_key").on(t.tambonId, t.fiscalYear, t.code)],
);

/** A complaint or request (ร้องเรียน/ร้องทุกข์), followed by its tracking code. */
export const siteComplaints = pgTable(
  "site_complaints",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    code: text("code").notNull(),
    channel: text("channel").$type<"general" | "corruption">().notNull().default("general"),
    kind: text("kind").$type<"complaint" | "request">().notNull().default("complaint"),
    subject: text("subject").notNull(),
    details: text("details").notNull(),
    location: text("location").notNull().default(""),
    photo: text("photo"),
    name: text("name").notNull().default(""),
    contact: text("contact").notNull().default(""),
    status: text("status")
      .$type<"received" | "in_progress" | "answered" | "closed">()
      .notNull()
      .default("received"),
    assignedTo: userRef("assigned_to"),
    answer: text("answer").notNull().default(""),
    createdAt: created(),
    updatedAt: updated(),
    closedAt: at("closed_at"),
  },
  (t) => [
    uniqueIndex("site_complaints_code_key").on(t.code),
    index("site_complaints_tambon_idx").on(t.tambonId, t.channel, t.status),
  ],
);

/** A step in a complaint's history (status change, assignment, answer). */
export const siteComplaintEvents = pgTable(
  "site_complaint_events",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    complaintId: integer("complaint_id")
      .notNull()
      .references(() => siteComplaints.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    note: text("note").notNull().default(""),
    actorId: userRef("actor_id"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("site_complaint_events_idx").on(t.tambonId, t.complaintId)],
);
