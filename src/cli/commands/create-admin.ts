import { loadConfig } from "../../core/config.ts";
import { hashPassword, passwordProblem } from "../../core/auth/password.ts";
import { isEmail, isPhone, normalisePhone } from "../../core/forms.ts";
import { insertNetworkAdmin } from "../../core/commands/accounts.ts";
import { withDatabase } from "../../core/db/migrated.ts";
import { CliError, type CommandArgs } from "../../core/cli.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new CliError(
      "create-admin: the password on standard input is not UTF-8 text / รหัสผ่านไม่ใช่ข้อความ UTF-8",
      2,
    );
  }
}

/** The longest name an account has, as the web's forms take it (commands/accounts.ts). */
const NAME_MAX = 120;

const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);

/** `tambon create-admin --name NAME --username U | --phone P | --email E`. */
export async function run({ values }: CommandArgs): Promise<number> {
  const name = str(values.name)?.trim();
  if (!name) throw new CliError("create-admin: --name is required / ต้องระบุ --name", 2);
  // eslint-disable-next-line no-control-regex
  if (name.length > NAME_MAX || /[\u0000-\u001f\u007f]/.test(name))
    throw new CliError(
      `create-admin: --name is one line of at most ${NAME_MAX} characters / ชื่อต้องเป็นบรรทัดเดียว ไม่เกิน ${NAME_MAX} ตัวอักษร`,
      2,
    );
  const username = str(values.username)?.trim().toLowerCase() || null;
  const rawPhone = str(values.phone);
  const phone = rawPhone ? normalisePhone(rawPhone) : null;
  const email = str(values.email)?.trim() || null;
  if (!username && !phone && !email)
    throw new CliError(
      "create-admin: give --username, --phone or --email / ต้องระบุอย่างน้อยหนึ่งอย่าง",
      2,
    );
  if (username && !/^[a-z0-9][a-z0-9.-]{2,39}$/.test(username))
    throw new CliError("create-admin: --username uses a-z, 0-9, dot and dash (3-40 characters)", 2);
  if (phone && !isPhone(phone))
    throw new CliError("create-admin: --phone must be a Thai phone number of 9-10 digits", 2);
  if (email && !isEmail(email))
    throw new CliError("create-admin: --email is not a valid e-mail address", 2);
  const password = values["password-stdin"]
    ? (await readStdin()).replace(/\r?\n$/, "")
    : (process.env.TAMBON_ADMIN_PASSWORD ?? "");
  if (!password)
    throw new CliError(
      "create-admin: set TAMBON_ADMIN_PASSWORD or use --password-stdin / ต้องระบุรหัสผ่าน",
      2,
    );
  if (passwordProblem(password))
    throw new CliError(
      "create-admin: the password needs at least 8 characters / รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร",
      2,
    );
  await withDatabase(loadConfig(), async (database) => {
    try {
      const passwordHash = await hashPassword(password);
      const id = await database.db.transaction((tx) =>
        insertNetworkAdmin(
          tx,
          { name, username, phone, email, passwordHash },
          { name, username, phone, email, networkAdmin: true },
        ),
      );
      process.stdout.write(
        `created network administrator #${id} (${username ?? phone ?? email})\n`,
      );
    } catch (err) {
      const m = (err as Error).message + String((err as { cause?: unknown }).cause ?? "");
      if (/unique|duplicate/i.test(m))
        throw new CliError(
          "create-admin: an account with this username, phone or e-mail exists / มีบัญชีนี้แล้ว",
        );
      throw err;
    }
  });
  return 0;
}
