import type { ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";
import { SiteAssets } from "./layout.tsx";

/**
 * A standalone document without the site's header and menu: print layouts (a charter, a plan's
 * forms ผ.01–ผ.03) and pages rendered into PDFs or images. It carries the site's CSS and Thai font.
 */
export function StandaloneDoc(props: {
  title: string;
  bodyClass: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { lang } = useCtx();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <SiteAssets />
        {props.head}
      </head>
      <body class={props.bodyClass}>{props.children}</body>
    </html>
  );
}
