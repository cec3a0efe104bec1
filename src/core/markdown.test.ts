import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "./markdown.ts";

test("Markdown becomes HTML without scripts, event handlers or javascript: links", () => {
  const html = renderMarkdown(
    "# หัวข้อ\n\n**ตัวหนา** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](https://example.org)",
  );
  assert.match(html, /<h2>หัวข้อ<\/h2>/);
  assert.match(html, /<strong>ตัวหนา<\/strong>/);
  assert.doesNotMatch(html, /script|onerror|javascript:/);
  assert.match(html, /<a href="https:\/\/example.org" rel="noopener nofollow">y<\/a>/);
});
