import { ErrorSummary, Field, Form, type FormState, TextArea } from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { nameIn, textIn, type ListItem, type Pillar } from "../shared/lists.ts";
import type { AgreementDetail } from "../agreements/queries.ts";
import type { ListName } from "../lists/commands.ts";
import { Badge, BackToAdmin, NetworkNav, num, useNet } from "../shared/views.tsx";

/** The parties of an agreement as a table: party, pillar, signatory. */
export function PartyTable(props: { parties: AgreementDetail["parties"]; caption: string }) {
  const { t, lang } = useNet();
  const withPillar = props.parties.some((p) => p.pillarTh);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption class="muted">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("agreement.party")}</th>
            {withPillar && <th scope="col">{t("partner.pillar")}</th>}
            <th scope="col">{t("agreement.signatory")}</th>
          </tr>
        </thead>
        <tbody>
          {props.parties.map((p) => (
            <tr key={p.id}>
              <td>{textIn(p.nameTh, p.nameEn, lang)}</td>
              {withPillar && (
                <td>{p.pillarTh ? textIn(p.pillarTh, p.pillarEn ?? "", lang) : "–"}</td>
              )}
              <td>
                {p.signatoryName || "–"}
                {p.signatoryPosition && <span class="muted"> · {p.signatoryPosition}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The pillars of a tambon, the partners standing in each, and their agreement on the common ground. */
export function PillarsPage(props: {
  pillars: Pillar[];
  partners: Map<number, { id: number; nameTh: string; nameEn: string }[]>;
  counts: Map<number, number>;
  unplaced: number;
  ground: AgreementDetail | undefined;
}) {
  const { t, lang, base, date, tambon } = useNet();
  const g = props.ground;
  return (
    <>
      <h1>{t("pillars.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <NetworkNav current="pillars" />
      <p>{t("pillars.intro", { n: num(props.pillars.length) })}</p>
      <ul class="cards">
        {props.pillars.map((p, i) => {
          const list = props.partners.get(p.id) ?? [];
          const n = props.counts.get(p.id) ?? 0;
          return (
            <li key={p.id}>
              <h2>
                {t("pillars.numbered", { n: i + 1 })} {nameIn(p, lang)}
              </h2>
              {textIn(p.descriptionTh, p.descriptionEn, lang) && (
                <p>{textIn(p.descriptionTh, p.descriptionEn, lang)}</p>
              )}
              <p class="muted">{t("pillars.partnerCount", { n: num(n) })}</p>
              {list.length > 0 && (
                <ul>
                  {list.map((x) => (
                    <li key={x.id}>
                      <a href={`${base}/partners/${x.id}`}>{nameIn(x, lang)}</a>
                    </li>
                  ))}
                </ul>
              )}
              {n > list.length && (
                <p>
                  <a href={`${base}/partners?pillar=${p.id}`}>
                    {t("pillars.allPartners", { n: num(n) })}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {props.unplaced > 0 && (
        <p class="muted">{t("pillars.unplacedCount", { n: num(props.unplaced) })}</p>
      )}
      <h2 id="common-ground">{t("pillars.commonGround")}</h2>
      <p>{t("pillars.commonGroundIntro")}</p>
      {!g ? (
        <p class="muted">{t("pillars.noAgreement")}</p>
      ) : (
        <section aria-labelledby="cg-title">
          <h3 id="cg-title">
            <a href={`${base}/agreements/${g.agreement.id}`}>
              {textIn(g.agreement.titleTh, g.agreement.titleEn, lang)}
            </a>
          </h3>
          <p>
            {t("agreement.signedOn")}: {date(g.agreement.signedOn)}{" "}
            <Badge>{t(`status.${g.agreement.status}`)}</Badge>
          </p>
          {textIn(g.agreement.purposeTh, g.agreement.purposeEn, lang) && (
            <p>{textIn(g.agreement.purposeTh, g.agreement.purposeEn, lang)}</p>
          )}
          <PartyTable parties={g.parties} caption={t("agreement.signatories")} />
        </section>
      )}
    </>
  );
}

function ListTable(props: {
  list: ListName;
  items: (ListItem & { descriptionTh?: string })[];
  caption: string;
}) {
  const { t, admin } = useNet();
  const segment = props.list === "pillar" ? "pillars" : "lists";
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption class="muted">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("lists.position")}</th>
            <th scope="col">{t("lists.nameTh")}</th>
            <th scope="col">{t("lists.nameEn")}</th>
            <th scope="col">{t("lists.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr key={i.id}>
              <td>{i.position}</td>
              <td>
                {i.nameTh} {i.archivedAt && <Badge>{t("lists.archived")}</Badge>}
              </td>
              <td>{i.nameEn}</td>
              <td class="actions">
                <a href={`${admin}/${segment}/${i.id}`}>{t("lists.edit")}</a>
                <Form action={`${admin}/${segment}/${i.id}/archive`}>
                  <input type="hidden" name="archived" value={i.archivedAt ? "0" : "1"} />
                  <button type="submit" class="secondary">
                    {i.archivedAt ? t("lists.restore") : t("lists.archive")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The page with the form of one list entry (new or existing). */
export function ListItemPage(props: {
  list: ListName;
  form: FormState;
  editing: ListItem | null;
  action: string;
}) {
  const { t, ct, admin } = useNet();
  const title = props.editing
    ? t("lists.editTitle", { name: props.editing.nameTh })
    : t(addKey(props.list));
  return (
    <>
      <BackToAdmin to={`${admin}/lists`} label={t("admin.lists")} />
      <h1>{title}</h1>
      <ErrorSummary form={props.form} />
      <Form action={props.action} label={title}>
        <input type="hidden" name="list" value={props.list} />
        <Field form={props.form} name="nameTh" label={t("lists.nameTh")} required maxLength={160} />
        <Field form={props.form} name="nameEn" label={t("lists.nameEn")} maxLength={160} />
        {props.list === "pillar" && (
          <>
            <TextArea
              form={props.form}
              name="descriptionTh"
              label={t("lists.descriptionTh")}
              rows={3}
            />
            <TextArea
              form={props.form}
              name="descriptionEn"
              label={t("lists.descriptionEn")}
              rows={3}
            />
          </>
        )}
        <Field
          form={props.form}
          name="position"
          type="number"
          label={t("lists.position")}
          inputmode="numeric"
        />
        <button type="submit">{props.editing ? ct("form.save") : t("lists.add")}</button>
      </Form>
    </>
  );
}

function addKey(list: ListName) {
  return list === "pillar"
    ? "lists.addPillar"
    : list === "role"
      ? "lists.addRole"
      : "lists.addKind";
}

/** The tambon's editable lists: pillars, partner roles and partner kinds. */
export function ListsAdmin(props: { pillars: Pillar[]; roles: ListItem[]; kinds: ListItem[] }) {
  const { t, admin } = useNet();
  const sections: {
    list: ListName;
    title: string;
    hint: string;
    items: ListItem[];
    add: string;
  }[] = [
    {
      list: "pillar",
      title: t("lists.pillars"),
      hint: t("lists.pillarsHint"),
      items: props.pillars,
      add: `${admin}/pillars/new`,
    },
    {
      list: "role",
      title: t("lists.roles"),
      hint: t("lists.rolesHint"),
      items: props.roles,
      add: `${admin}/lists/new?list=role`,
    },
    {
      list: "kind",
      title: t("lists.kinds"),
      hint: t("lists.kindsHint"),
      items: props.kinds,
      add: `${admin}/lists/new?list=kind`,
    },
  ];
  return (
    <>
      <BackToAdmin />
      <h1>{t("admin.lists")}</h1>
      {sections.map((s) => (
        <section key={s.list} aria-labelledby={`l-${s.list}`}>
          <h2 id={`l-${s.list}`}>{s.title}</h2>
          <p class="hint">{s.hint}</p>
          <ListTable list={s.list} items={s.items} caption={s.title} />
          <p>
            <a class="button secondary" href={s.add}>
              {t(addKey(s.list))}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
