/** UI strings of forms (merged into the module's dictionary in ../messages.ts). */
export const formsMessages = {} as const;
