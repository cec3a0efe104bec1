import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

/**
 * The file an entry URL names, from src (the `.ts` file, run under tsx) or from dist (the build
 * compiles every source one-to-one to `.js` beside where the `.ts` was).
 */
export function clientEntryPath(entryUrl: URL): string {
  const file = fileURLToPath(entryUrl);
  if (existsSync(file)) return file;
  const other = /\.tsx?$/.test(file)
    ? file.replace(/\.tsx?$/, ".js")
    : file.replace(/\.js$/, ".ts");
  if (other !== file && existsSync(other)) return other;
  throw new Error(`client script not found: ${file}`);
}

/**
 * Bundles a browser script and everything it imports into one minified IIFE for the browsers of
 * old Android phones (ES2019), to be served as a module's hashed asset. The script must not use
 * Node's APIs: the bundle is built for the browser and fails on them.
 */
export function bundleClientScript(entryUrl: URL): Buffer {
  const result = buildSync({
    entryPoints: [clientEntryPath(entryUrl)],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`client script not bundled: ${entryUrl.href}`);
  return Buffer.from(out.contents);
}
