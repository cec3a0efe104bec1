/** UI strings of submissions (merged into the module's dictionary in ../messages.ts). */
export const submissionsMessages = {} as const;
