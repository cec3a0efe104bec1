import { eq, sql } from "drizzle-orm";
import type { CommandArgs } from "../../core/cli.ts";
import type { Config } from "../../core/config.ts";
import type { Database, Db } from "../../core/db/index.ts";
import { roleGrants, tambonMembers, tambons, users, villages } from "../../core/db/schema.ts";
import { auditBy } from "../../core/audit.ts";
import { publicUrl } from "../../core/http.ts";
import { isEmail, isPhone, normalisePhone } from "../../core/forms.ts";
import type { ImportField } from "../../core/imports.ts";
import { core } from "../../core/i18n/messages.ts";
import { createAccountForPerson, setMemberStatus, setRoles } from "../../core/commands/accounts.ts";
import { ROLES, type Actor, type Role } from "../../core/roles.ts";
import {
  allOrNothing,
  networkAdmin,
  problem,
  resultProblem,
  runSetupFile,
  type RowProblem,
  type SetupOptions,
  type SetupRow,
} from "./setup-csv.ts";
import { tambonWhere, tambonRows } from "../../core/db/tambon-row.ts";

/** The columns of `tambon users import FILE`, matched by these names in Thai or English. */
export const USER_FIELDS: readonly ImportField[] = [
  { name: "username", label: { th: "ชื่อผู้ใช้", en: "Username" }, aliases: ["login"] },
  {
    name: "phone",
    label: { th: "เบอร์โทรศัพท์", en: "Phone" },
    aliases: ["เบอร์โทร", "โทรศัพท์", "mobile"],
  },
  { name: "email", label: { th: "อีเมล", en: "E-mail" }, aliases: ["e-mail", "mail"] },
  { name: "name", label: { th: "ชื่อ นามสกุล", en: "Name" }, aliases: ["ชื่อ", "ชื่อ-สกุล", "full name"] },
  { name: "tambon", label: { th: "ตำบล", en: "Tambon" }, aliases: ["slug"], required: true },
  { name: "role", label: { th: "บทบาท", en: "Role" }, aliases: ["roles"] },
  { name: "village", label: { th: "หมู่ที่", en: "Village" }, aliases: ["moo", "หมู่"] },
];

/** Role names as a file may write them: the code, or the Thai or English name (case ignored). */
const ROLE_NAMES = new Map<string, Role>();
for (const role of ROLES) {
  ROLE_NAMES.set(role, role);
  for (const lang of ["th", "en"] as const)
    ROLE_NAMES.set(core.t(lang)(`role.${role}`).toLowerCase(), role);
}
ROLE_NAMES.set("อสม.", "health_volunteer");
ROLE_NAMES.set("อสม", "health_volunteer");

/** The roles of a cell ("member", "ผู้ก่อการดี, คณะทำงาน"), or the first name that is none. */
function parseRoles(cell: string): { roles: Role[] } | { unknown: string } {
  const roles = new Set<Role>(["member"]);
  for (const part of cell.split(/[,;|]/)) {
    const name = part.trim().toLowerCase();
    if (!name) continue;
    const role = ROLE_NAMES.get(name);
    if (!role) return { unknown: part.trim() };
    roles.add(role);
  }
  return { roles: ROLES.filter((r) => roles.has(r)) };
}

/** A set-password link for a new account, printed once the file is applied. */
interface Link {
  line: number;
  name: string;
  contact: string;
  url: string;
}

/** The one account the row's username, phone and e-mail name, or a problem. */
async function accountOf(
  db: Db,
  line: number,
  id: { username: string | null; phone: string | null; email: string | null },
): Promise<{ userId: number | null } | RowProblem> {
  const found = new Set<number>();
  if (id.username) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, id.username));
    if (!u)
      return problem(
        line,
        `ไม่พบบัญชีชื่อผู้ใช้ "${id.username}" (บัญชีใหม่ใช้เบอร์โทรศัพท์หรืออีเมล)`,
        `no account "${id.username}" (a new account is made from a phone number or e-mail)`,
      );
    found.add(u.id);
  }
  if (id.phone) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.phone, id.phone));
    if (u) found.add(u.id);
  }
  if (id.email) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${id.email.toLowerCase()}`);
    if (u) found.add(u.id);
  }
  if (found.size > 1)
    return problem(
      line,
      "ชื่อผู้ใช้ เบอร์โทรศัพท์ และอีเมลในแถวนี้เป็นของคนละบัญชี",
      "the username, phone and e-mail of this row belong to different accounts",
    );
  return { userId: [...found][0] ?? null };
}

/** Adds an existing account to a tambon, or gives it the roles of the row; false: nothing to do. */
async function joinTambon(
  db: Db,
  actor: Actor,
  line: number,
  tambonId: number,
  userId: number,
  villageId: number | null,
  wanted: Role[],
): Promise<boolean | RowProblem> {
  const [member] = await tambonRows(db, tambonMembers, tambonId, { userId });
  if (member?.status === "removed")
    return problem(
      line,
      "บุคคลนี้พ้นสภาพจากตำบลนี้แล้ว คืนสภาพได้ที่หน้าบุคคลของตำบล",
      "this person was removed from the tambon; reinstate them on its people page",
    );
  let changed = false;
  if (!member) {
    await db.transaction(async (tx) => {
      await tx
        .insert(tambonMembers)
        .values({ tambonId, userId, villageId, status: "active", verifiedAt: new Date() });
      await auditBy(tx, actor, tambonId, {
        action: "member.activate",
        targetType: "user",
        targetId: userId,
        after: { status: "active", villageId },
      });
    });
    changed = true;
  } else if (member.status === "pending") {
    const r = await setMemberStatus(db, actor, tambonId, userId, "active");
    if (!r.ok) return resultProblem(line, r.errors);
    changed = true;
  }
  const held = (
    await db
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(tambonWhere(roleGrants, tambonId, { userId }))
  ).map((r) => r.role as Role);
  if (wanted.some((r) => !held.includes(r))) {
    const r = await setRoles(db, actor, tambonId, userId, [...new Set([...held, ...wanted])]);
    if (!r.ok) return resultProblem(line, r.errors);
    changed = true;
  }
  return changed;
}

/**
 * Gives every row's person an account and a place in their tambon, as the people pages do
 * (createAccountForPerson with a set-password link for someone new; the membership and roles for
 * an existing account), in one transaction. Roles are only added, never taken away, so the same
 * file can be run again and changes nothing.
 */
export async function importUsers(
  database: Database,
  config: Pick<Config, "publicUrl" | "host" | "port">,
  rows: SetupRow[],
  opts: SetupOptions,
) {
  const actor = await networkAdmin(database.db, "users import", opts.as);
  const links: Link[] = [];
  const result = await allOrNothing(database.db, opts.dryRun, async (db, counts, problems) => {
    for (const { line, cells } of rows) {
      const slug = cells.tambon!.toLowerCase();
      const [tambon] = await db.select().from(tambons).where(eq(tambons.slug, slug));
      if (!tambon) {
        problems.push(problem(line, `ไม่มีตำบล "${slug}"`, `no tambon "${slug}"`));
        continue;
      }
      const parsedRoles = parseRoles(cells.role ?? "");
      if ("unknown" in parsedRoles) {
        problems.push(
          problem(
            line,
            `ไม่รู้จักบทบาท "${parsedRoles.unknown}"`,
            `unknown role "${parsedRoles.unknown}" (one of ${ROLES.join(", ")})`,
          ),
        );
        continue;
      }
      const username = cells.username?.trim().toLowerCase() || null;
      const phone = cells.phone ? normalisePhone(cells.phone) : null;
      const email = cells.email?.trim() || null;
      if (phone && !isPhone(phone)) {
        problems.push(
          problem(
            line,
            `เบอร์โทรศัพท์ "${cells.phone}" ไม่ถูกต้อง`,
            `"${cells.phone}" is not a Thai phone number`,
          ),
        );
        continue;
      }
      if (email && !isEmail(email)) {
        problems.push(
          problem(line, `อีเมล "${email}" ไม่ถูกต้อง`, `"${email}" is not an e-mail address`),
        );
        continue;
      }
      if (!username && !phone && !email) {
        problems.push(
          problem(line, "ต้องมีชื่อผู้ใช้ เบอร์โทรศัพท์ หรืออีเมล", "give a username, phone or e-mail"),
        );
        continue;
      }
      let villageId: number | null = null;
      if (cells.village) {
        const moo = Number(cells.village.replace(/^(หมู่(ที่)?|ม\.|moo)\s*/i, ""));
        const [v] = Number.isInteger(moo)
          ? await db
              .select({ id: villages.id })
              .from(villages)
              .where(tambonWhere(villages, tambon.id, { moo }))
          : [];
        if (!v) {
          problems.push(
            problem(
              line,
              `ไม่มีหมู่ที่ ${cells.village} ในตำบลนี้`,
              `no village ${cells.village} in this tambon`,
            ),
          );
          continue;
        }
        villageId = v.id;
      }
      const account = await accountOf(db, line, { username, phone, email });
      if ("th" in account) {
        problems.push(account);
        continue;
      }
      if (account.userId !== null) {
        const joined = await joinTambon(
          db,
          actor,
          line,
          tambon.id,
          account.userId,
          villageId,
          parsedRoles.roles,
        );
        if (typeof joined === "object") problems.push(joined);
        else if (joined) counts.update++;
        else counts.unchanged++;
        continue;
      }
      if (!cells.name) {
        problems.push(problem(line, "บัญชีใหม่ต้องมีชื่อ นามสกุล", "a new account needs a name"));
        continue;
      }
      const made = await createAccountForPerson(db, actor, tambon.id, {
        name: cells.name,
        phone: phone ?? "",
        email: email ?? "",
        village: villageId ? String(villageId) : "",
      });
      if (!made.ok) {
        problems.push(resultProblem(line, made.errors));
        continue;
      }
      if (parsedRoles.roles.some((r) => r !== "member")) {
        const r = await setRoles(db, actor, tambon.id, made.value.userId, parsedRoles.roles);
        if (!r.ok) {
          problems.push(resultProblem(line, r.errors));
          continue;
        }
      }
      links.push({
        line,
        name: cells.name,
        contact: phone ?? email!,
        url: publicUrl(config, `/reset/${made.value.token}`, tambon),
      });
      counts.create++;
    }
  });
  return { ...result, links: result.applied ? links : [] };
}

/** `tambon users import FILE [--dry-run] [--as USERNAME]`. */
export async function run(args: CommandArgs): Promise<number> {
  const command = { name: "users", verb: "import", fields: USER_FIELDS };
  return runSetupFile(args, command, async (database, config, rows, options) => {
    const result = await importUsers(database, config, rows, options);
    for (const l of result.links)
      process.stdout.write(
        `ลิงก์ตั้งรหัสผ่าน / set-password link: แถว/row ${l.line} ${l.name} ${l.contact} ${l.url}\n`,
      );
    return result;
  });
}
