/** UI strings of rounds (merged into the module's dictionary in ../messages.ts). */
export const roundsMessages = {} as const;
