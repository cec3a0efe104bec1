import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, auditEntries, startDemoApp, type TestApp } from "../helpers/app.ts";
import { charterPhotos, charterSignatories } from "../../src/modules/charter/schema.ts";

/*
 * Deleting a signatory or a ceremony photo read the row, then deleted it in a transaction of its
 * own: the same form sent three times at once read the row three times, and the deletion was
 * audited three times. Only the deletion that removes the row is now audited; the others find it
 * gone (404).
 */
describe("a charter signatory or photo deleted three times at once is deleted once (postgres)", () => {
  let t: TestApp;
  let admin: Client;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  /** Posts the deletion three times at once. */
  async function deleteAtOnce(url: string, editionId: number) {
    const token = await admin.csrf(`/t/la-ngu/admin/charter-editions/${editionId}`);
    return admin.postAtOnce(url, { confirmed: "1" }, { csrf: token });
  }

  const audited = (action: string, targetId: number) =>
    auditEntries(t.database.db, langu, action, targetId);

  test("a signatory: one deletion, one audit entry, the others 404", async () => {
    const [signatory] = await t.database.db
      .select({ id: charterSignatories.id, editionId: charterSignatories.editionId })
      .from(charterSignatories)
      .where(eq(charterSignatories.tambonId, langu))
      .limit(1);
    assert.ok(signatory, "the demo has a signatory");
    const answers = await deleteAtOnce(
      `/t/la-ngu/charter-signatories/${signatory.id}/delete`,
      signatory.editionId,
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, 404, 404], statuses.join(", "));
    const left = await t.database.db
      .select({ id: charterSignatories.id })
      .from(charterSignatories)
      .where(eq(charterSignatories.id, signatory.id));
    assert.equal(left.length, 0, "the signatory is gone");
    assert.equal((await audited("charter.signatory.delete", signatory.id)).length, 1);
  });

  test("a photo: one deletion, one audit entry, the others 404", async () => {
    const [photo] = await t.database.db
      .select({ id: charterPhotos.id, editionId: charterPhotos.editionId })
      .from(charterPhotos)
      .where(eq(charterPhotos.tambonId, langu))
      .limit(1);
    assert.ok(photo, "the demo has a photo");
    const answers = await deleteAtOnce(
      `/t/la-ngu/charter-photos/${photo.id}/delete`,
      photo.editionId,
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, 404, 404], statuses.join(", "));
    const left = await t.database.db
      .select({ id: charterPhotos.id })
      .from(charterPhotos)
      .where(eq(charterPhotos.id, photo.id));
    assert.equal(left.length, 0, "the photo is gone");
    assert.equal((await audited("charter.photo.delete", photo.id)).length, 1);
  });
});
