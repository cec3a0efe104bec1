import type { ComponentChildren } from "preact";

/**
 * The link back to the page above (a list, the admin page, the record a page belongs to) on a
 * line of its own above the heading: "← where it leads".
 */
export function BackLink(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <p class={props.class}>
      <a href={props.href}>← {props.children}</a>
    </p>
  );
}
