import { type ComponentChildren } from "preact";
import { type Page, pageHref } from "../../../core/paging.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { Pager } from "../../../core/views/pager.tsx";
import { useUrl } from "./views.tsx";

/**
 * A public board of what members write (the corner's posts, the answered questions): title and
 * intro, the cards (each `card` is an `<li>`) or a line saying there are none, the pager, anything
 * `after` it, then the heading and form to write — or, for a visitor, a link to sign in first.
 */
export function BoardPage<T>(props: {
  title: string;
  intro: string;
  none: string;
  page: Page<T>;
  listClass: string;
  card: (item: T) => ComponentChildren;
  path: string;
  after?: ComponentChildren;
  write: { id: string; title: string; allowed: boolean; form: ComponentChildren; signIn: string };
}) {
  const { path } = useCtx();
  const url = useUrl();
  const { write } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      {props.page.items.length === 0 ? (
        <p>{props.none}</p>
      ) : (
        <ul class={props.listClass}>{props.page.items.map(props.card)}</ul>
      )}
      <Pager of={props.page} href={(p) => url(pageHref(props.path, {}, p))} />
      {props.after}
      <h2 id={write.id}>{write.title}</h2>
      {write.allowed ? (
        write.form
      ) : (
        <p>
          <a href={`/login?next=${encodeURIComponent(path)}`}>{write.signIn}</a>
        </p>
      )}
    </>
  );
}
