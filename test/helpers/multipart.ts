import { request } from "node:http";
import type { Client } from "./app.ts";

/** A file to send in a multipart form. */
export interface FilePart {
  filename: string;
  type: string;
  data: Buffer;
}

/** Encodes fields and files as multipart/form-data. */
export function multipart(
  fields: Record<string, string>,
  files: Record<string, FilePart | FilePart[]>,
): { body: Buffer; contentType: string } {
  const boundary = `----tambon${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  for (const [k, list] of Object.entries(files))
    for (const f of [list].flat()) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${k}"; filename="${f.filename}"\r\ncontent-type: ${f.type}\r\n\r\n`,
        ),
        f.data,
        Buffer.from("\r\n"),
      );
    }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a multipart form as the client (with its cookies and the CSRF token of `from`). */
export async function postMultipart(
  client: Client,
  url: string,
  fields: Record<string, string>,
  files: Record<string, FilePart | FilePart[]>,
  opts: { from?: string } = {},
) {
  const csrf = await client.csrf(opts.from);
  const { body, contentType } = multipart({ _csrf: csrf, ...fields }, files);
  const res = await client.app.inject({
    method: "POST",
    url,
    remoteAddress: client.ip,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "content-type": contentType,
    },
    payload: body,
  });
  for (const c of res.cookies) client.cookies.set(c.name, c.value);
  if (String(res.headers["content-type"] ?? "").startsWith("text/html")) client.lastHtml = res.body;
  return res;
}

/**
 * Sends the headers and the first KiB of a large multipart body, then waits: the status the
 * server answers with before the rest arrives (null when it waits for the body).
 */
export function answerBeforeBody(
  base: string,
  path: string,
  cookie: string,
  declaredBytes: number,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "multipart/form-data; boundary=----x",
        "content-length": String(declaredBytes),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, 3000);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (e) => {
      if ((e as NodeJS.ErrnoException).code !== "ECONNRESET") reject(e);
    });
    req.write(`------x\r\ncontent-disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n`);
    req.write(Buffer.alloc(1024, 1));
  });
}
