import { test } from "node:test";
import assert from "node:assert/strict";
import { checkImage } from "./uploads.ts";

test("images are recognised by their bytes, not their names", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  assert.equal(checkImage(png), "png");
  assert.equal(checkImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), "jpg");
  assert.equal(checkImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 ")), "webp");
  assert.equal(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), "svg");
  assert.equal(checkImage(Buffer.from("%PDF-1.7")), null);
  assert.equal(checkImage(Buffer.from("<html><body>hi</body></html>")), null);
});

test("SVG with scripts or event handlers is refused", () => {
  assert.equal(checkImage(Buffer.from("<svg><script>alert(1)</script></svg>")), null);
  assert.equal(checkImage(Buffer.from('<svg onload="alert(1)"></svg>')), null);
});
