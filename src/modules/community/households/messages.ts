/** UI strings of households (merged into the module's dictionary in ../messages.ts). */
export const householdsMessages = {} as const;
