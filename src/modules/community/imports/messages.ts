/** UI strings of imports (merged into the module's dictionary in ../messages.ts). */
export const importsMessages = {} as const;
