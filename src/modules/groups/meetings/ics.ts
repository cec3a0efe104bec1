/** One event of an iCalendar file. */
export interface IcsEvent {
  uid: string;
  start: Date;
  end?: Date | null;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  sequence?: number;
  /** When the event was last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  categories?: string[];
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A UTC DATE-TIME value, e.g. 20260115T020000Z. */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space;
 * a multi-byte UTF-8 character (Thai takes 3 octets) is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      out.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

/** Renders an iCalendar (VCALENDAR with VEVENTs) with CRLF line endings and folded lines. */
export function renderCalendar(cal: { name: string; events: readonly IcsEvent[] }): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tambon//Meetings//TH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  for (const e of cal.events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.stamp)}`);
    lines.push(`DTSTART:${utcStamp(e.start)}`);
    if (e.end) lines.push(`DTEND:${utcStamp(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push(`SEQUENCE:${e.sequence ?? 0}`, `LAST-MODIFIED:${utcStamp(e.stamp)}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
