import type { FastifyPluginAsync } from "fastify";
import { auditPage } from "./admin.tsx";
import { getDistricts, getProvinces, getSubDistricts } from "thai-address-universal";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { useCtx } from "../views/ctx.ts";
import { ErrorSummary, Field, Form, SelectField, type FormState } from "../views/form.tsx";
import { forbidden } from "../errors.ts";
import { formBody, requireUser } from "../http.ts";
import { createTambon, grantFirstAdmin, lookupSubdistrict, slugify } from "../commands/tambons.ts";
import { findUserByIdentifier } from "../commands/accounts.ts";
import { translateErrors } from "../result.ts";
import { tambonTitle } from "../views/layout.tsx";
import type { Tambon } from "../tenancy.ts";
import type { FastifyRequest } from "fastify";

interface Option {
  value: string;
  label: string;
}

function PlatformPage(props: {
  tambons: readonly Tambon[];
  provinces: Option[];
  districts: Option[];
  subdistricts: Option[];
  form: FormState;
}) {
  const { t, lang } = useCtx();
  const { form } = props;
  return (
    <>
      <h1>{t("platform.title")}</h1>
      <p>
        <a href="/admin/audit">{t("platform.audit")}</a>
      </p>
      <h2>{t("platform.tambons")}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("platform.subdistrict")}</th>
              <th scope="col">{t("platform.district")}</th>
              <th scope="col">{t("platform.province")}</th>
              <th scope="col">DOPA</th>
            </tr>
          </thead>
          <tbody>
            {props.tambons.map((tb) => (
              <tr key={tb.id}>
                <td>
                  <a href={`/t/${tb.slug}/admin`}>{tambonTitle(tb, lang)}</a>
                </td>
                <td>{lang === "en" ? tb.districtEn : tb.districtTh}</td>
                <td>{lang === "en" ? tb.provinceEn : tb.provinceTh}</td>
                <td>{tb.dopaCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add">{t("platform.addTambon")}</h2>
      <form method="get" action="/admin#add" class="filters">
        <SelectField
          form={form}
          name="province"
          label={t("platform.province")}
          options={props.provinces}
          required
        />
        {props.districts.length > 0 && (
          <SelectField
            form={form}
            name="district"
            label={t("platform.district")}
            options={props.districts}
            required
          />
        )}
        <button type="submit" class="secondary">
          {t("platform.next")}
        </button>
      </form>
      {props.subdistricts.length > 0 && (
        <>
          <ErrorSummary form={form} />
          <Form action="/admin/tambons" label={t("platform.addTambon")}>
            <SelectField
              form={form}
              name="dopaCode"
              label={t("platform.subdistrict")}
              options={props.subdistricts}
              required
            />
            <SelectField
              form={form}
              name="kind"
              label={t("settings.kind")}
              required
              placeholder={false}
              options={[
                { value: "sao", label: t("kind.sao") },
                { value: "municipality", label: t("kind.municipality") },
              ]}
            />
            <Field form={form} name="slug" label={t("platform.slug")} />
            <Field form={form} name="firstAdmin" label={t("platform.firstAdmin")} />
            <button type="submit">{t("form.create")}</button>
          </Form>
        </>
      )}
    </>
  );
}

function requirePlatformAdmin(req: FastifyRequest) {
  const user = requireUser(req);
  if (!user.isPlatformAdmin) throw forbidden(true);
  return user;
}

/** The network administration: tambons of the deployment, added from the national list. */
export function platformRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;
  async function options(lang: "th" | "en", province?: string, district?: string) {
    const label = (e: { nameTh: string; nameEn: string }) => (lang === "en" ? e.nameEn : e.nameTh);
    const sort = (a: Option, b: Option) =>
      a.label.localeCompare(b.label, lang === "en" ? "en" : "th");
    const provinces = (await getProvinces())
      .map((p) => ({ value: p.code, label: label(p) }))
      .sort(sort);
    const districts =
      province && /^\d{2}$/.test(province)
        ? (await getDistricts(province)).map((d) => ({ value: d.code, label: label(d) })).sort(sort)
        : [];
    const subdistricts =
      district && /^\d{4}$/.test(district) && district.startsWith(province ?? "")
        ? (await getSubDistricts(district))
            .map((s) => ({ value: s.code, label: label(s) }))
            .sort(sort)
        : [];
    return { provinces, districts, subdistricts };
  }

  return async (app) => {
    app.get<{ Querystring: { province?: string; district?: string } }>(
      "/admin",
      async (req, reply) => {
        requirePlatformAdmin(req);
        const { province, district } = req.query;
        const opts = await options(req.lang, province, district);
        const form = {
          values: { province: province ?? "", district: district ?? "", kind: "sao" },
          errors: {},
        };
        return reply.page(
          core.t(req.lang)("platform.title"),
          <PlatformPage tambons={deps.tambons.all()} form={form} {...opts} />,
        );
      },
    );

    app.get("/admin/audit", async (req, reply) => {
      requirePlatformAdmin(req);
      return auditPage(deps.database.db, req, reply, {
        tambonId: null,
        base: "/admin/audit",
        title: core.t(req.lang)("platform.audit"),
      });
    });

    app.post("/admin/tambons", async (req, reply) => {
      requirePlatformAdmin(req);
      const t = core.t(req.lang);
      const body = formBody(req);
      const code = body.dopaCode ?? "";
      const errors: Record<string, string> = {};
      let adminId: number | null = null;
      if (body.firstAdmin?.trim()) {
        const user = await findUserByIdentifier(db, body.firstAdmin);
        if (!user) errors.firstAdmin = t("platform.noSuchUser");
        else adminId = user.id;
      }
      const place = await lookupSubdistrict(code);
      let result: Awaited<ReturnType<typeof createTambon>> | null = null;
      if (!Object.keys(errors).length) {
        result = await createTambon(
          db,
          req.actor,
          {
            dopaCode: code,
            slug: body.slug || (place ? slugify(place.nameEn) : ""),
            kind: body.kind === "municipality" ? "municipality" : "sao",
          },
          modules,
        );
        if (!result.ok) Object.assign(errors, translateErrors(result.errors, req.lang));
      }
      if (!result?.ok) {
        const opts = await options(req.lang, code.slice(0, 2), code.slice(0, 4));
        const form = {
          values: { ...body, province: code.slice(0, 2), district: code.slice(0, 4) },
          errors,
        };
        return reply.page(
          t("platform.title"),
          <PlatformPage tambons={deps.tambons.all()} form={form} {...opts} />,
          { status: 422 },
        );
      }
      if (adminId) await grantFirstAdmin(db, req.actor, result.value.id, adminId);
      await deps.tambons.reload();
      return reply.seeOther(
        `/t/${result.value.slug}/admin`,
        t("platform.created", { name: tambonTitle(result.value, req.lang) }),
      );
    });
  };
}
