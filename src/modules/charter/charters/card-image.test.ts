import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { CARD_IMAGE, cardImage, wrapWords } from "./card-image.ts";

test("card titles wrap at Thai word boundaries and end with an ellipsis when cut", () => {
  const lines = wrapWords("ธรรมนูญสุขภาพตำบลละงู ว่าด้วยการจัดการขยะและสิ่งแวดล้อมในชุมชน", 30, 3);
  assert.ok(lines.length >= 2 && lines.length <= 3);
  assert.ok(lines.every((l) => l.length <= 30));
  assert.equal(
    lines.join("").replace(/\s/g, ""),
    "ธรรมนูญสุขภาพตำบลละงูว่าด้วยการจัดการขยะและสิ่งแวดล้อมในชุมชน",
  );
  const cut = wrapWords("ก".repeat(5) + " ข้อความยาวมาก".repeat(20), 12, 2);
  assert.equal(cut.length, 2);
  assert.ok(cut[1]!.endsWith("…"));
});

test("the card picture is a 1200×630 PNG", async () => {
  const png = await cardImage({
    issuer: "องค์การบริหารส่วนตำบลละงู",
    title: "ธรรมนูญสุขภาพตำบลละงู",
    edition: "ฉบับที่ 2 พ.ศ. 2568",
    facts: "30 ข้อ · 5 ภาคส่วนลงนาม",
  });
  const meta = await sharp(png).metadata();
  assert.deepEqual(
    [meta.format, meta.width, meta.height],
    ["png", CARD_IMAGE.width, CARD_IMAGE.height],
  );
});
