import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart, type FilePart } from "../helpers/multipart.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();
const jpeg = async (filename: string): Promise<FilePart> => ({
  filename,
  type: "image/jpeg",
  data: await photo(),
});

/** One form that fails: who sends it, where, with which fields and files. */
type Case = {
  name: string;
  /** The tambon whose file store must stay as it was. */
  tambon: string;
  /** Signed in as (a visitor when absent). */
  login?: string;
  /** The form's address (sent from the same page), or its address and page made by the case. */
  url: string | ((c: Client) => Promise<{ url: string; from: string }>);
  fields: Record<string, string>;
  files: () => Promise<Record<string, FilePart | FilePart[]>>;
};

const cases: Case[] = [
  {
    name: "a gallery batch with one bad file leaves neither copies nor originals of the good ones",
    tambon: "lom-raet",
    login: "lomraet-editor",
    url: async (ed) => {
      const created = await ed.post(
        "/t/lom-raet/admin/site/galleries",
        { title: "งานวันเด็ก", description: "", published: "1" },
        { from: "/t/lom-raet/admin/site/galleries" },
      );
      assert.equal(created.statusCode, 303);
      const albumUrl = created.headers.location as string;
      const id = Number(/galleries\/(\d+)$/.exec(albumUrl)![1]);
      return { url: `/t/lom-raet/admin/site/galleries/${id}/photos`, from: albumUrl };
    },
    fields: {},
    files: async () => ({
      photos: [
        await jpeg("good-1.jpg"),
        await jpeg("good-2.jpg"),
        { filename: "bad.jpg", type: "image/jpeg", data: Buffer.from("not a photo") },
      ],
    }),
  },
  {
    name: "a complaint refused for a missing subject does not keep its photo",
    tambon: "lom-raet",
    url: "/t/lom-raet/complaints",
    fields: { kind: "complaint", channel: "general", subject: "", details: "ไฟดับทั้งซอย" },
    files: async () => ({ photo: await jpeg("street.jpg") }),
  },
  {
    name: "a corner post refused for a missing title does not keep its photos",
    tambon: "lom-raet",
    login: "lomraet-member",
    url: "/t/lom-raet/corner",
    fields: { title: "", body: "ภาพกิจกรรม" },
    files: async () => ({ photos: await jpeg("event.jpg") }),
  },
  {
    name: "a news item refused for a missing title does not keep its cover photo",
    tambon: "lom-raet",
    login: "lomraet-editor",
    url: "/t/lom-raet/admin/site/news",
    fields: { title: "", summary: "", bodyMd: "เนื้อหา", status: "draft" },
    files: async () => ({ cover: await jpeg("cover.jpg") }),
  },
  {
    name: "a news item refused inside its transaction (an album of no one) keeps no cover",
    tambon: "lom-raet",
    login: "lomraet-editor",
    url: "/t/lom-raet/admin/site/news",
    fields: { title: "ข่าวทดสอบ", summary: "", bodyMd: "เนื้อหา", status: "draft", albumId: "999999" },
    files: async () => ({ cover: await jpeg("cover.jpg") }),
  },
  {
    name: "a document attached to a page of no one is refused and its file not kept",
    tambon: "lom-raet",
    login: "lomraet-admin",
    url: "/t/lom-raet/admin/site/documents",
    fields: { title: "ประกาศ", attachTo: "page:999999" },
    files: async () => ({
      file: { filename: "a.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4\n%%EOF\n") },
    }),
  },
  {
    name: "a partner refused for a missing name does not keep its logo",
    tambon: "la-ngu",
    login: "langu-admin",
    url: "/t/la-ngu/admin/network/partners/new",
    fields: { nameTh: "" },
    files: async () => ({ logo: await jpeg("logo.jpg") }),
  },
];

describe("forms that fail keep none of the files sent with them", () => {
  let t: TestApp;
  /** The ids of every file the tambon has in the file store. */
  const filesStored = async (slug: string) => {
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, slug));
    return (
      await t.database.db
        .select({ id: storedFiles.id })
        .from(storedFiles)
        .where(eq(storedFiles.tambonId, tb!.id))
    )
      .map((r) => r.id)
      .sort((a, b) => a - b);
  };
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  for (const c of cases) {
    test(c.name, async () => {
      const client = new Client(t.app);
      if (c.login) await client.login(c.login);
      const { url, from } =
        typeof c.url === "string" ? { url: c.url, from: c.url } : await c.url(client);
      const before = await filesStored(c.tambon);
      const res = await postMultipart(client, url, c.fields, await c.files(), { from });
      assert.equal(res.statusCode, 422, res.body.slice(0, 200));
      assert.deepEqual(await filesStored(c.tambon), before);
    });
  }
});
