// A lint rule that keeps the walls between modules: code in src/modules/<a>/ may import another
// module only through that module's public.ts, and src/core imports no module at all (the app
// assembly in src/app.ts and src/modules/index.ts passes the manifests in).
import path from "node:path";

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;
const CORE = `${path.sep}src${path.sep}core${path.sep}`;

/** The module a file belongs to ("" for a file outside src/modules/<m>/). */
function moduleOf(file) {
  const at = file.indexOf(MODULES);
  if (at < 0) return "";
  const rest = file.slice(at + MODULES.length).split(path.sep);
  return rest.length > 1 ? rest[0] : "";
}

export default {
  meta: {
    type: "problem",
    docs: {
      description: "Modules reach each other only through public.ts; core imports no module.",
    },
    schema: [],
    messages: {
      module:
        "Module '{{from}}' may import module '{{to}}' only through src/modules/{{to}}/public.ts.",
      core: "src/core imports no module; the app assembly passes the manifests in.",
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const from = moduleOf(file);
    const inCore = file.includes(CORE);
    if (!from && !inCore) return {};
    const check = (node, source) => {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), source);
      if (inCore) {
        if (target.includes(MODULES)) context.report({ node, messageId: "core" });
        return;
      }
      const to = moduleOf(target);
      if (!to || to === from) return;
      const root = target.slice(0, target.indexOf(MODULES) + MODULES.length);
      if (target !== path.join(root, to, "public.ts"))
        context.report({ node, messageId: "module", data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};
