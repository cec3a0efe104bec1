// A tally's input checked and turned into columns (the first layer of tally.ts).
import {
  type DelegationScope,
  type TallyPolicy,
  SCOPE_TAMBON,
  SCOPE_AREA,
  SCOPE_QUESTION,
  type TallyColumns,
} from "./tally-types.ts";

/** Invalid tally input; the message is one line naming the offending field. */
export class TallyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TallyInputError";
  }
}

export const fail = (message: string): never => {
  throw new TallyInputError(message);
};

const isId = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object") return "an object";
  return String(v);
};

/** Fills in the policy defaults and validates it (absent or null policy → all defaults). */
export function normalizePolicy(raw: unknown): TallyPolicy {
  const policy: TallyPolicy = { majority: 0.5, quorum: 0, maxWeight: null, villageQuorum: null };
  if (raw === undefined || raw === null) return policy;
  if (!isRecord(raw)) return fail(`policy must be an object, not ${describe(raw)}`);
  const fraction = (key: string, v: unknown): number => {
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      return fail(`${key} must be a number from 0 to 1, not ${describe(v)}`);
    }
    return v;
  };
  if (raw.majority !== undefined && raw.majority !== null)
    policy.majority = fraction("policy.majority", raw.majority);
  if (raw.quorum !== undefined && raw.quorum !== null)
    policy.quorum = fraction("policy.quorum", raw.quorum);
  const maxWeight = raw.maxWeight;
  if (maxWeight !== undefined && maxWeight !== null) {
    if (!isId(maxWeight) || maxWeight < 1) {
      return fail(
        `policy.maxWeight must be a positive integer or null, not ${describe(maxWeight)}`,
      );
    }
    policy.maxWeight = maxWeight;
  }
  const vq = raw.villageQuorum;
  if (vq !== undefined && vq !== null) {
    if (!isRecord(vq)) return fail(`policy.villageQuorum must be an object or null`);
    if (!isId(vq.minPerVillage)) {
      return fail(
        `policy.villageQuorum.minPerVillage must be a non-negative integer, not ${describe(vq.minPerVillage)}`,
      );
    }
    const villagesFraction =
      vq.villagesFraction === undefined
        ? 1
        : fraction("policy.villageQuorum.villagesFraction", vq.villagesFraction);
    policy.villageQuorum = { minPerVillage: vq.minPerVillage, villagesFraction };
  }
  return policy;
}

const scopeCode = (scope: unknown): number =>
  scope === "tambon"
    ? SCOPE_TAMBON
    : scope === "area"
      ? SCOPE_AREA
      : scope === "question"
        ? SCOPE_QUESTION
        : typeof scope === "string" && scope.startsWith("area:")
          ? SCOPE_AREA
          : typeof scope === "string" && scope.startsWith("question:")
            ? SCOPE_QUESTION
            : 0;

export const scopeName = (code: number): DelegationScope =>
  code === SCOPE_TAMBON ? "tambon" : code === SCOPE_AREA ? "area" : "question";

/** Validates a parsed JSON input (strictly) and flattens it into typed arrays. */
export function toTallyColumns(input: unknown): TallyColumns {
  if (!isRecord(input)) return fail(`input must be a JSON object, not ${describe(input)}`);

  const members = input.members;
  if (!Array.isArray(members)) return fail(`members must be an array`);
  const memberIds = new Float64Array(members.length);
  const memberVillages = new Int32Array(members.length);
  const villageNames: string[] = [];
  const villageCode = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const m: unknown = members[i];
    if (!isRecord(m)) return fail(`members[${i}] must be an object, not ${describe(m)}`);
    if (!isId(m.id))
      return fail(`members[${i}].id must be a non-negative integer, not ${describe(m.id)}`);
    const raw = m.village;
    const village =
      raw === undefined ? "" : typeof raw === "number" && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof village !== "string") {
      return fail(`members[${i}].village must be a string, not ${describe(raw)}`);
    }
    let code = villageCode.get(village);
    if (code === undefined) {
      code = villageNames.length;
      villageNames.push(village);
      villageCode.set(village, code);
    }
    memberIds[i] = m.id;
    memberVillages[i] = code;
  }

  const delegations = input.delegations ?? [];
  if (!Array.isArray(delegations)) return fail(`delegations must be an array`);
  const delegationTruster = new Float64Array(delegations.length);
  const delegationTrustee = new Float64Array(delegations.length);
  const delegationScope = new Uint8Array(delegations.length);
  for (let i = 0; i < delegations.length; i++) {
    const d: unknown = delegations[i];
    if (!isRecord(d)) return fail(`delegations[${i}] must be an object, not ${describe(d)}`);
    if (!isId(d.truster)) {
      return fail(
        `delegations[${i}].truster must be a non-negative integer, not ${describe(d.truster)}`,
      );
    }
    const trustee = d.trustee;
    if (trustee !== null && !isId(trustee)) {
      return fail(
        `delegations[${i}].trustee must be a non-negative integer or null, not ${describe(trustee)}`,
      );
    }
    const scope = scopeCode(d.scope);
    if (scope === 0) {
      return fail(
        `delegations[${i}].scope must be tambon, area or question, not ${describe(d.scope)}`,
      );
    }
    delegationTruster[i] = d.truster;
    delegationTrustee[i] = trustee === null ? -1 : trustee;
    delegationScope[i] = scope;
  }

  const question = input.question;
  if (!isRecord(question)) return fail(`question must be an object, not ${describe(question)}`);
  const area = question.area;
  if (area !== undefined && typeof area !== "string" && !isId(area)) {
    return fail(`question.area must be a string or an integer, not ${describe(area)}`);
  }
  const alts = question.alternatives;
  if (!Array.isArray(alts) || alts.length === 0) {
    return fail(`question.alternatives must be a non-empty array of alternative ids`);
  }
  // "area:<id>" and "question:<id>" scopes apply only to their own area or question.
  for (let i = 0; i < delegations.length; i++) {
    const scope = (delegations[i] as Record<string, unknown>).scope;
    if (typeof scope !== "string" || !scope.includes(":")) continue;
    const target = scope.slice(scope.indexOf(":") + 1);
    const applies =
      delegationScope[i] === SCOPE_AREA
        ? area !== undefined && target === String(area)
        : question.id === undefined || question.id === null || target === String(question.id);
    if (!applies) delegationScope[i] = 0;
  }
  const alternatives = new Float64Array(alts.length);
  const altColumn = new Map<string, number>();
  for (let j = 0; j < alts.length; j++) {
    const a: unknown = alts[j];
    if (!isId(a)) {
      return fail(`question.alternatives[${j}] must be a non-negative integer, not ${describe(a)}`);
    }
    const key = String(a);
    if (altColumn.has(key))
      return fail(`question.alternatives[${j}]: duplicate alternative ${key}`);
    altColumn.set(key, j);
    alternatives[j] = a;
  }

  const ballots = input.ballots ?? [];
  if (!Array.isArray(ballots)) return fail(`ballots must be an array`);
  const k = alts.length;
  const ballotMember = new Float64Array(ballots.length);
  const ballotGrades = new Float64Array(ballots.length * k);
  for (let i = 0; i < ballots.length; i++) {
    const b: unknown = ballots[i];
    if (!isRecord(b)) return fail(`ballots[${i}] must be an object, not ${describe(b)}`);
    if (!isId(b.member)) {
      return fail(`ballots[${i}].member must be a non-negative integer, not ${describe(b.member)}`);
    }
    const grades = b.grades;
    if (!isRecord(grades))
      return fail(`ballots[${i}].grades must be an object, not ${describe(grades)}`);
    ballotMember[i] = b.member;
    const base = i * k;
    for (const key in grades) {
      if (!Object.hasOwn(grades, key)) continue;
      const column = altColumn.get(key);
      if (column === undefined) {
        return fail(
          `ballots[${i}].grades: ${JSON.stringify(key)} is not an alternative of the question`,
        );
      }
      const grade = grades[key];
      if (typeof grade !== "number" || !Number.isSafeInteger(grade)) {
        return fail(
          `ballots[${i}].grades[${JSON.stringify(key)}] must be an integer, not ${describe(grade)}`,
        );
      }
      ballotGrades[base + column] = grade;
    }
  }

  return {
    memberIds,
    memberVillages,
    villageNames,
    delegationTruster,
    delegationTrustee,
    delegationScope,
    alternatives,
    ballotMember,
    ballotGrades,
    policy: normalizePolicy(input.policy),
  };
}

/** Parses JSON text as tally input; invalid JSON becomes a TallyInputError. */
export function parseTallyInput(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail(`invalid JSON: ${reason.replace(/\s+/g, " ")}`);
  }
}
