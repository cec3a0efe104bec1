import type { ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";
import { assetUrl } from "./assets.ts";

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
        <link
          rel="preload"
          href={assetUrl("font-thai-400")}
          as="font"
          type="font/woff2"
          crossOrigin="anonymous"
        />
        <link rel="stylesheet" href={assetUrl("css")} />
        <link rel="icon" href="data:," />
        {props.head}
      </head>
      <body class={props.bodyClass}>{props.children}</body>
    </html>
  );
}
