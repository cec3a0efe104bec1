import js from "@eslint/js";
import tseslint from "typescript-eslint";
import moduleBoundary from "./eslint/module-boundary.js";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "drizzle/", "screenshots/", ".tmp/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-console": "error",
    },
  },
  {
    files: ["bin/**/*.js", "scripts/**/*.mjs", "eslint/**/*.js"],
    languageOptions: { globals: { process: "readonly" } },
  },
  {
    files: ["**/*.client.js"],
    languageOptions: {
      sourceType: "script",
      globals: { document: "readonly", window: "readonly" },
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { tambon: { rules: { "module-boundary": moduleBoundary } } },
    rules: {
      "tambon/module-boundary": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "sharp",
              allowTypeImports: true,
              message:
                "Use loadSharp() from src/core/sharp.ts: sharp's native library (~30 MB) loads on first use, not with the server.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(loose|passthrough)$/]",
          message:
            "A form schema keeps only the fields it declares: no .loose()/.passthrough() (mass assignment).",
        },
        {
          selector: "CallExpression[callee.property.name=/^(looseObject|catchall)$/]",
          message: "A form schema keeps only the fields it declares (mass assignment).",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(values|set)$/] > ObjectExpression:first-child > SpreadElement:not([argument.callee.name='pick'])",
          message:
            "Build inserts and updates field by field, or name the fields with pick(); never spread an object into .values()/.set() (mass assignment).",
        },
        {
          selector:
            "CallExpression[callee.property.name='values'] > ArrayExpression > ObjectExpression > SpreadElement:not([argument.callee.name='pick'])",
          message:
            "Build inserts field by field, or name the fields with pick(); never spread an object into .values() (mass assignment).",
        },
      ],
    },
  },
  {
    // Tests make and inspect images with sharp directly; they are not loaded by the server.
    files: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
);
