import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tambons, users } from "../db/schema.ts";
import { at, tambonId } from "../db/columns.ts";

/**
 * A tambon's LINE Official Account (Messaging API channel), set by its admin: the channel access
 * token sends, the channel secret signs the webhook's requests. The token is never shown back
 * whole. `unreachable_since` is set while LINE cannot be reached from the server.
 */
export const lineChannels = pgTable("line_channels", {
  tambonId: integer("tambon_id")
    .primaryKey()
    .references(() => tambons.id, { onDelete: "cascade" }),
  /** The account's basic ID (e.g. "@123abcde"), for the add-friend link and QR. */
  basicId: text("basic_id").notNull(),
  accessToken: text("access_token").notNull(),
  channelSecret: text("channel_secret").notNull(),
  unreachableSince: at("unreachable_since"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/**
 * A member's LINE account in one tambon: a link code while it waits for the member to send it to
 * the tambon's account, then the LINE user id the webhook received with it.
 */
export const lineLinks = pgTable(
  "line_links",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    code: text("code"),
    codeExpiresAt: at("code_expires_at"),
    lineUserId: text("line_user_id"),
    linkedAt: at("linked_at"),
  },
  (t) => [
    uniqueIndex("line_links_member_key").on(t.tambonId, t.userId),
    uniqueIndex("line_links_line_user_key").on(t.tambonId, t.lineUserId),
    uniqueIndex("line_links_code_key").on(t.tambonId, t.code),
  ],
);

/** What a member chose to hear about, per kind and channel; no row = the kind's default. */
export const noticePrefs = pgTable(
  "notice_prefs",
  {
    tambonId: tambonId(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel").$type<"line" | "email">().notNull(),
    wanted: boolean("wanted").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tambonId, t.userId, t.kind, t.channel] })],
);

/**
 * The queue of notices and their log: one row per message to one recipient by one channel. A
 * notice waits until `next_attempt_at`; a failed attempt moves it later (exponential back-off)
 * until it is sent or given up ("failed"). `retry_key` goes with every attempt, so LINE never
 * delivers one notice twice.
 */
export const notices = pgTable(
  "notices",
  {
    id: serial("id").primaryKey(),
    tambonId: tambonId(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel").$type<"line" | "email">().notNull(),
    /** The LINE user id or the e-mail address. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    retryKey: uuid("retry_key").notNull().defaultRandom(),
    status: text("status")
      .$type<"waiting" | "sending" | "sent" | "failed">()
      .notNull()
      .default("waiting"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error").notNull().default(""),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [
    index("notices_due_idx").on(t.status, t.nextAttemptAt),
    index("notices_tambon_idx").on(t.tambonId, t.id),
  ],
);
