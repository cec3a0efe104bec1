import { tambonTitle } from "../../../core/views/layout.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { num, useNet } from "../shared/views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** One entry of the network administration page. */
export interface AdminLink {
  href: string;
  label: string;
  hint: string;
  count?: number;
}

/** The network administration page: what staff may manage here, with counts waiting. */
export function AdminHome({ links }: { links: AdminLink[] }) {
  const { t, ct, lang, tambon } = useNet();
  const { actor } = useCtx();
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/admin`}>{ct("admin.back")}</BackLink>
      <h1>{t("admin.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <ul class="cards">
        {links.map((l) => (
          <li key={l.href}>
            <h2>
              <a href={l.href}>{l.label}</a>
            </h2>
            <p class="muted">{l.hint}</p>
            {l.count !== undefined && l.count > 0 && (
              <p>
                <strong>{t("admin.waiting", { n: num(l.count) })}</strong>
              </p>
            )}
          </li>
        ))}
      </ul>
      <p class="actions">
        <a class="button secondary" href={`/t/${tambon!.slug}/network`}>
          {t("admin.publicPages")}
        </a>
        {/* One's own profile exists only in a tambon one is a member of. */}
        {actor.memberOf.has(tambon!.id) && (
          <a class="button secondary" href={`/t/${tambon!.slug}/admin/network/my-profile`}>
            {t("me.title")}
          </a>
        )}
      </p>
    </>
  );
}
