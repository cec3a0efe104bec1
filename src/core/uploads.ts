/** Recognises an image by its first bytes (never by the name or the declared type). */
export function checkImage(buf: Buffer): "png" | "jpg" | "webp" | "svg" | null {
  if (
    buf.length >= 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "png";
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpg";
  if (
    buf.length >= 12 &&
    buf.toString("ascii", 0, 4) === "RIFF" &&
    buf.toString("ascii", 8, 12) === "WEBP"
  )
    return "webp";
  const head = buf.subarray(0, 512).toString("utf8").trimStart();
  if (
    /^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head) &&
    !/<script|on\w+\s*=|javascript:/i.test(buf.toString("utf8"))
  )
    return "svg";
  return null;
}
