/** The texts and days of an agreement, stored as its form and the demo give them. */
export const AGREEMENT_FIELDS = [
  "titleTh",
  "titleEn",
  "purposeTh",
  "purposeEn",
  "scopeTh",
  "scopeEn",
  "signedOn",
  "startsOn",
  "endsOn",
] as const;
