import { test } from "node:test";
import assert from "node:assert/strict";
import {
  arabicDigits,
  formatNumber,
  inDigits,
  pageDigitStyle,
  pageInDigits,
  thaiDigits,
} from "./digits.ts";
import { formatDate, formatDateTime } from "./dates.ts";

test("digits turn between the Arabic and Thai styles both ways", () => {
  assert.equal(thaiDigits("หมู่ 10 ปี 2568"), "หมู่ ๑๐ ปี ๒๕๖๘");
  assert.equal(arabicDigits("หมู่ ๑๐ ปี ๒๕๖๘"), "หมู่ 10 ปี 2568");
  assert.equal(inDigits("1 ๒ 3", "thai"), "๑ ๒ ๓");
  assert.equal(inDigits("1 ๒ 3", "arabic"), "1 2 3");
});

test("a page is in Thai digits only on the Thai pages of a tambon that chose them", () => {
  assert.equal(pageDigitStyle("th", "thai"), "thai");
  assert.equal(pageDigitStyle("en", "thai"), "arabic");
  assert.equal(pageDigitStyle("th", "arabic"), "arabic");
  assert.equal(pageDigitStyle("th", undefined), "arabic");
});

test("a page's text takes one digit style; attributes, scripts, code and entities keep theirs", () => {
  const html =
    '<p title="a>b 5" data-n="12">หมู่ 5 &amp; &#39;๗&#39;</p><a href="/t/x/news/42">ข่าว 42</a>' +
    "<script>var a = 1;</script><style>.a{width:10px}</style><code>v2</code>" +
    '<textarea>ข้อ 3</textarea><!-- 9 --><input value="2568"> ปี ๒๕๖๘';
  const thai = pageInDigits(html, "thai");
  assert.equal(
    thai,
    '<p title="a>b 5" data-n="12">หมู่ ๕ &amp; &#39;๗&#39;</p><a href="/t/x/news/42">ข่าว ๔๒</a>' +
      "<script>var a = 1;</script><style>.a{width:10px}</style><code>v2</code>" +
      '<textarea>ข้อ 3</textarea><!-- 9 --><input value="2568"> ปี ๒๕๖๘',
  );
  const arabic = pageInDigits(html, "arabic");
  assert.match(arabic, /&#39;7&#39;/);
  assert.match(arabic, / ปี 2568$/);
  assert.match(arabic, /หมู่ 5/);
});

test("numbers and dates are formatted in the tambon's digits on Thai pages", () => {
  assert.equal(formatNumber(12345, "th", "thai"), "๑๒,๓๔๕");
  assert.equal(formatNumber(12345, "th", "arabic"), "12,345");
  assert.equal(formatNumber(12345, "en", "thai"), "12,345");
  assert.equal(formatNumber(1.5, "th", "arabic", { minimumFractionDigits: 2 }), "1.50");
  assert.equal(formatDate("2026-12-05", "th", "thai"), "๕ ธันวาคม ๒๕๖๙");
  assert.equal(formatDate("2026-12-05", "th", "arabic"), "5 ธันวาคม 2569");
  assert.equal(formatDate("2026-12-05", "en", "thai"), "5 December 2026");
  assert.match(formatDateTime("2026-12-05T03:04:00Z", "th", "thai"), /^๕ ธ\.ค\. ๒๕๖๙ ๑๐:๐๔/);
});
