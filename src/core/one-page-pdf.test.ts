import { test } from "node:test";
import assert from "node:assert/strict";
import { onePagePdf } from "./one-page-pdf.ts";

test("a one-page PDF declares its stream's true length and its objects' true offsets", () => {
  const pdf = onePagePdf("Demo (draft) - Tambon", 24).toString("latin1");
  assert.ok(pdf.startsWith("%PDF-1.4\n") && pdf.endsWith("%%EOF\n"));
  const m = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(pdf);
  assert.ok(m, "a content stream");
  assert.equal(Number(m[1]), m[2]!.length);
  assert.match(m[2]!, /\(Demo \\\(draft\\\) - Tambon\) Tj/, "parentheses are escaped");
  const xref = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
  assert.ok(pdf.startsWith("xref\n", xref));
  const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((r) => Number(r[1]));
  assert.equal(offsets.length, 5);
  offsets.forEach((off, i) =>
    assert.ok(pdf.startsWith(`${i + 1} 0 obj\n`, off), `object ${i + 1}`),
  );
});
