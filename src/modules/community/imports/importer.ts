import type { Tx } from "../../../core/db/index.ts";
import type { ImportCounts, ImportField, Importer } from "../../../core/imports.ts";
import { msg } from "../messages.ts";

/** A key of the module's messages: what an importer's column labels and failures name. */
export type Key = Parameters<ReturnType<typeof msg.t>>[0];

/** A column's label in both languages. */
export const label = (key: Key) => ({ th: msg.t("th")(key), en: msg.t("en")(key) });

/** A column an importer reads: its field, its label's key, the other headers it goes by, required or not. */
export const column = (
  name: string,
  key: Key,
  aliases: readonly string[],
  required = false,
): ImportField =>
  required ? { name, label: label(key), aliases, required } : { name, label: label(key), aliases };

/** An importer of the module, which audits the import once its rows are written (`finish`). */
export type AuditedImporter<Row, Stored> = Importer<Row, Key, Tx, Stored> & {
  finish(tx: Tx, c: ImportCounts): Promise<void>;
};
