// sharp, loaded on first use. Its native library and bindings hold about 30 MB resident from the
// moment they are imported; a server that is not handling an image (most of the time) should not
// carry them, and a CLI command that draws nothing should not wait for them.
import type Sharp from "sharp";

export type { Metadata, Sharp as SharpImage } from "sharp";

let loaded: Promise<typeof Sharp> | undefined;

/** The `sharp` function, imported the first time it is asked for. */
export function loadSharp(): Promise<typeof Sharp> {
  return (loaded ??= import("sharp").then((m) => m.default));
}
