/** UI strings of collect (merged into the module's dictionary in ../messages.ts). */
export const collectMessages = {} as const;
