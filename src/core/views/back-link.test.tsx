import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { BackLink } from "./back-link.tsx";

test("a back link is a line of its own with an arrow, and takes the page's class", () => {
  assert.equal(
    renderToString(<BackLink href="/t/a/areas">ประเด็น</BackLink>),
    '<p><a href="/t/a/areas">← ประเด็น</a></p>',
  );
  assert.equal(
    renderToString(
      <BackLink href="/x?a=1&b" class="back">
        {"<ก>"}
      </BackLink>,
    ),
    '<p class="back"><a href="/x?a=1&amp;b">← &lt;ก></a></p>',
  );
});
