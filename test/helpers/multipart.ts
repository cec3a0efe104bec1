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
