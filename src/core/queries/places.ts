import { getDistricts, getProvinces, getSubDistricts } from "thai-address-universal";
import type { Lang } from "../i18n/index.ts";

/** A place as a choice of a select. */
export interface PlaceOption {
  value: string;
  label: string;
}

/**
 * The national list as choices, in the reader's language and alphabetical order: every province,
 * the districts of the chosen province, the subdistricts of the chosen district.
 */
export async function placeOptions(
  lang: Lang,
  province?: string,
  district?: string,
): Promise<{ provinces: PlaceOption[]; districts: PlaceOption[]; subdistricts: PlaceOption[] }> {
  const label = (e: { nameTh: string; nameEn: string }) => (lang === "en" ? e.nameEn : e.nameTh);
  const sort = (a: PlaceOption, b: PlaceOption) =>
    a.label.localeCompare(b.label, lang === "en" ? "en" : "th");
  const provinces = (await getProvinces())
    .map((p) => ({ value: p.code, label: label(p) }))
    .sort(sort);
  const districts =
    province && /^\d{2}$/.test(province)
      ? (await getDistricts(province)).map((d) => ({ value: d.code, label: label(d) })).sort(sort)
      : [];
  const subdistricts =
    district && /^\d{4}$/.test(district) && district.startsWith(province ?? "")
      ? (await getSubDistricts(district))
          .map((s) => ({ value: s.code, label: label(s) }))
          .sort(sort)
      : [];
  return { provinces, districts, subdistricts };
}
