import { useCtx } from "../ctx.ts";
import { tambonTitle } from "../layout.tsx";
import { BackLink } from "../back-link.tsx";

/** A tambon's administration page: one card per part the actor may manage. */
export function AdminHome({ links }: { links: { href: string; label: string }[] }) {
  const { t, tambon, lang } = useCtx();
  return (
    <>
      <h1>{t("admin.title", { tambon: tambonTitle(tambon!, lang) })}</h1>
      <ul class="cards">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The link back to the administration page (the tambon's, or the network's outside one). */
export function AdminBackLink() {
  const { t, tambon } = useCtx();
  return (
    <BackLink href={tambon ? `/t/${tambon.slug}/admin` : "/admin"}>{t("admin.back")}</BackLink>
  );
}
