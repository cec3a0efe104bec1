import { useCtx } from "./ctx.ts";
import { ErrorSummary, Field, FileField, Form, SelectField, type FormState } from "./form.tsx";
import {
  mappedCells,
  mappingField,
  type ImportCounts,
  type ImportField,
  type ImportTable,
  type Mapping,
} from "../imports.ts";

/** Files an import form takes. */
export const IMPORT_ACCEPT =
  ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The first step of an import: choose a CSV or XLSX file (and, for a workbook, its sheet). */
export function ImportUploadForm(p: {
  action: string;
  form: FormState;
  maxBytes: number;
  /** Shows the sheet-name field (for workbooks with several sheets). */
  sheet?: boolean;
}) {
  const { t } = useCtx();
  return (
    <Form action={p.action} multipart label={t("import.upload")}>
      <ErrorSummary form={p.form} />
      <FileField
        form={p.form}
        name="file"
        label={t("import.file")}
        accept={IMPORT_ACCEPT}
        types="CSV, XLSX"
        maxBytes={p.maxBytes}
        required
      />
      {p.sheet && (
        <Field form={p.form} name="sheet" label={t("import.sheet")} hint={t("import.sheetHint")} />
      )}
      <button type="submit">{t("import.read")}</button>
    </Form>
  );
}

/** A bad row as shown: row number, the column it came from, and why. */
export interface ShownRowError {
  line: number;
  column: string;
  text: string;
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The second step: which column feeds which field (matched already where the headers say so),
 * a preview of the first rows as they will be read, and the dry run's report with every bad
 * row. "Check" runs the dry run again with the chosen columns; "Import" writes all rows or none.
 */
export function ImportMappingForm(p: {
  action: string;
  table: ImportTable;
  fields: readonly ImportField[];
  mapping: Mapping;
  form: FormState;
  report?: ImportCounts & { rows: number; errors: ShownRowError[] };
  /** Hidden fields the form sends back (the kept file's token). */
  hidden?: Record<string, string>;
}) {
  const { t, lang } = useCtx();
  const options = p.table.headers.map((h, i) => ({
    value: String(i),
    label: `${columnLetters(i)} · ${h || t("import.noHeader")}`,
  }));
  const preview = p.table.rows.slice(0, 3);
  const report = p.report;
  return (
    <div class="import-step">
      <p>
        {t("import.fileRead", { name: p.table.filename, rows: p.table.rows.length })}
        {p.table.sheet ? ` · ${t("import.sheetRead", { sheet: p.table.sheet })}` : ""}
      </p>
      <Form action={p.action} label={t("import.mapping")}>
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <ErrorSummary form={p.form} />
        <fieldset>
          <legend>{t("import.mapping")}</legend>
          <p class="hint">{t("import.mappingHint")}</p>
          {p.fields.map((f) => (
            <SelectField
              key={f.name}
              form={p.form}
              name={mappingField(f.name)}
              label={f.label[lang]}
              options={options}
              required={f.required}
              placeholder={t("import.noColumn")}
            />
          ))}
        </fieldset>
        {preview.length > 0 && (
          <div class="table-wrap">
            <p id="import-preview-h">{t("import.preview")}</p>
            <table class="import-preview" aria-labelledby="import-preview-h">
              <thead>
                <tr>
                  <th scope="col">{t("import.row")}</th>
                  {p.fields.map((f) => (
                    <th scope="col" key={f.name}>
                      {f.label[lang]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.map((r) => {
                  const cells = mappedCells(r, p.mapping);
                  return (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      {p.fields.map((f) => (
                        <td key={f.name}>{cells[f.name] ?? ""}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {report && <ImportReportView report={report} />}
        <div class="actions">
          <button type="submit" name="step" value="check" class="secondary">
            {t("import.check")}
          </button>
          {report && report.errors.length === 0 && (
            <button type="submit" name="step" value="apply">
              {t("import.apply")}
            </button>
          )}
        </div>
      </Form>
    </div>
  );
}

/** A dry run's outcome: what would be added, changed or left as it is, and every bad row. */
export function ImportReportView(p: {
  report: ImportCounts & { rows: number; errors: ShownRowError[] };
}) {
  const { t } = useCtx();
  const r = p.report;
  const badRows = new Set(r.errors.map((e) => e.line)).size;
  return (
    <section class="import-report" aria-labelledby="import-report-h">
      <h2 id="import-report-h">{t("import.report")}</h2>
      {r.errors.length ? (
        <p class="error" role="alert">
          {t("import.badRows", { bad: badRows, rows: r.rows })}
        </p>
      ) : (
        <p>{t("import.allGood", { rows: r.rows })}</p>
      )}
      <ul class="import-counts">
        <li>{t("import.willCreate", { n: r.create })}</li>
        <li>{t("import.willUpdate", { n: r.update })}</li>
        <li>{t("import.willKeep", { n: r.unchanged })}</li>
      </ul>
      {r.errors.length > 0 && (
        <>
          <h3 id="import-errors-h">{t("import.errors")}</h3>
          {/* Not in a scrolling box: on a phone the reasons wrap instead of running off. */}
          <table class="import-errors" aria-labelledby="import-errors-h">
            <thead>
              <tr>
                <th scope="col">{t("import.row")}</th>
                <th scope="col">{t("import.column")}</th>
                <th scope="col">{t("import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.line}</td>
                  <td>{e.column}</td>
                  <td>{e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
