/**
 * The fields of a learning centre that its form and the demo give as they are stored (the form's
 * contact phone and e-mail are normalised first; the demo gives its phone as it is).
 */
export const CENTRE_FIELDS = [
  "nameTh",
  "nameEn",
  "topicTh",
  "topicEn",
  "areaId",
  "villageId",
  "hostPartnerId",
  "learnTh",
  "learnEn",
  "capacity",
  "contactName",
] as const;
