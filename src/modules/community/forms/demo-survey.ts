import type { Choice, FormDefinition, Label, Question } from "./definition.ts";
import CHOICES from "./demo-survey-choices.json" with { type: "json" };

/**
 * The demo's household health survey, modelled on public จปฐ.-style items (basic minimum needs):
 * water, sanitation, health risks, coverage, income and a repeat group for the household's members.
 */

function q(
  type: Question["type"],
  name: string,
  th: string,
  en: string,
  extra: Partial<Question> = {},
): Question {
  return { kind: "question", type, name, label: { th, en }, ...extra };
}

/** A choice from its row of the lists' file: name, Thai and English label. */
function choice([name, th, en]: string[]): Choice {
  return { name: name!, label: { th: th!, en: en! } };
}

const label = (th: string, en: string): Label => ({ th, en });

/** Age 15 or more from a birth date: ODK subtracts dates as days. */
const AGE_15_PLUS = "(today() - ${birth_date}) div 365.25 >= 15";

export const HOUSEHOLD_SURVEY: FormDefinition = {
  title: label("สำรวจสุขภาวะครัวเรือน", "Household health survey"),
  formId: "household_health",
  items: [
    {
      kind: "group",
      name: "living",
      label: label("ที่อยู่อาศัยและสิ่งแวดล้อม", "Home and surroundings"),
      items: [
        q("yesno", "clean_water", "มีน้ำสะอาดใช้ตลอดปี", "Clean water all year", {
          required: true,
        }),
        q("yesno", "drinking_water", "มีน้ำดื่มเพียงพอ (5 ลิตรต่อคนต่อวัน)", "Enough drinking water", {
          required: true,
          hint: label("อย่างน้อย 5 ลิตรต่อคนต่อวัน", "At least 5 litres a person a day"),
        }),
        q("yesno", "sanitary_toilet", "มีส้วมถูกสุขลักษณะ", "Sanitary toilet", { required: true }),
        q("select_one", "garbage", "การจัดการขยะของครัวเรือน", "Household garbage", {
          required: true,
          list: "garbage",
        }),
        q("yesno", "vegetable_garden", "ปลูกผักกินเอง", "Vegetable garden"),
      ],
    },
    {
      kind: "group",
      name: "health",
      label: label("สุขภาพ", "Health"),
      items: [
        q("yesno", "any_smoker", "มีสมาชิกสูบบุหรี่", "Any member smoking", { required: true }),
        q("yesno", "alcohol", "มีสมาชิกดื่มสุราเป็นประจำ", "Any member drinking regularly", {
          required: true,
        }),
        q("integer", "chronic_count", "จำนวนสมาชิกที่ป่วยเรื้อรัง", "Members with a chronic disease", {
          required: true,
          min: 0,
          max: 30,
          hint: label("เบาหวาน ความดันโลหิตสูง", "Diabetes, high blood pressure"),
        }),
        q("select_multiple", "chronic_kinds", "โรคเรื้อรังที่พบ", "Chronic diseases found", {
          list: "chronic",
          relevant: "${chronic_count} > 0",
          required: true,
        }),
        q("yesno", "elderly_alone", "มีผู้สูงอายุอยู่ลำพัง", "Elderly living alone", {
          required: true,
        }),
        q("select_one", "insurance", "สิทธิการรักษาพยาบาลของสมาชิก", "Health insurance coverage", {
          required: true,
          list: "insurance",
        }),
      ],
    },
    q("yesno", "income_enough", "รายได้พอใช้จ่ายตลอดปี", "Income enough all year", {
      required: true,
    }),
    q("geopoint", "location", "ตำแหน่งบ้าน", "House location"),
    q("image", "house_photo", "ภาพถ่ายบ้าน (ถ้ามี)", "Photo of the house (optional)"),
    {
      kind: "repeat",
      name: "members",
      label: label("สมาชิกในครัวเรือน", "Household members"),
      maxCount: 30,
      items: [
        q("text", "member_name", "ชื่อ-สกุล", "Name", { required: true }),
        q("select_one", "sex", "เพศ", "Sex", { required: true, list: "sex" }),
        q("date", "birth_date", "วันเกิด", "Birth date", {
          required: true,
          constraint: ". <= today()",
          constraintMessage: label("วันเกิดต้องไม่เกินวันนี้", "The birth date cannot be in the future"),
        }),
        q("select_one", "relation", "ความเกี่ยวข้องกับหัวหน้าครัวเรือน", "Relation to the head", {
          required: true,
          list: "relation",
        }),
        q("select_multiple", "conditions", "ภาวะที่ต้องติดตาม", "Conditions followed up", {
          list: "conditions",
        }),
        q("yesno", "smokes", "สูบบุหรี่", "Smokes", { required: true, relevant: AGE_15_PLUS }),
        q("integer", "cigarettes", "สูบวันละกี่มวน", "Cigarettes a day", {
          relevant: "${smokes} = 'yes'",
          required: true,
          min: 1,
          max: 100,
        }),
      ],
    },
  ],
  choices: Object.fromEntries(
    Object.entries(CHOICES).map(([list, rows]) => [list, rows.map(choice)]),
  ),
};
