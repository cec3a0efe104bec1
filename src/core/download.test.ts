import assert from "node:assert/strict";
import { test } from "node:test";
import { disposition } from "./download.ts";

test("a Thai file name is kept in UTF-8 with an ASCII fallback that cannot break the header", () => {
  assert.equal(
    disposition("attachment", 'ธรรมนูญ "2568".pdf'),
    `attachment; filename="_______ _2568_.pdf"; filename*=UTF-8''%E0%B8%98%E0%B8%A3%E0%B8%A3%E0%B8%A1%E0%B8%99%E0%B8%B9%E0%B8%8D%20%222568%22.pdf`,
  );
  assert.equal(disposition("inline", "a.ics"), `inline; filename="a.ics"; filename*=UTF-8''a.ics`);
  assert.doesNotMatch(disposition("inline", "a\r\nSet-Cookie: x.csv"), /[\r\n]/);
});
