import assert from "node:assert/strict";
import { test } from "node:test";
import { HttpError } from "./errors.ts";
import { defineMessages } from "./i18n/index.ts";
import {
  fail,
  isForbidden,
  isNotFound,
  missing,
  ok,
  orThrow,
  refused,
  throwIfDenied,
  translateErrors,
} from "./result.ts";

const status = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof HttpError);
    return `${e.status} ${e.key}`;
  }
  return "returned";
};

test("a failure on the whole form stands for 404 or 403; other failures go back to the form", () => {
  assert.ok(isNotFound(missing()));
  assert.ok(isForbidden(refused()));
  assert.ok(!isNotFound(fail("name", "err.required")));
  assert.equal(
    status(() => throwIfDenied(missing())),
    "404 error.404",
  );
  assert.equal(
    status(() => throwIfDenied(refused(), false)),
    "403 error.403login",
  );
  assert.equal(
    status(() => throwIfDenied(refused())),
    "403 error.403",
  );
  const formError = fail("name", "err.required");
  assert.equal(throwIfDenied(formError), formError);
  assert.equal(orThrow(ok(7)), 7);
  assert.equal(
    status(() => orThrow(fail("name", "err.required"))),
    "400 error.400",
  );
});

test("errors are translated from the module's dictionary first, then core's", () => {
  const dict = defineMessages("result-test", {
    "plan.overBudget": { th: "เกินงบ {baht} บาท", en: "Over budget by {baht} baht" },
  });
  const errors = {
    ...fail("budget", "plan.overBudget", { baht: 500 }).errors,
    ...fail("name", "err.required").errors,
  };
  assert.deepEqual(translateErrors(errors, "en", dict), {
    budget: "Over budget by 500 baht",
    name: "This field is required",
  });
  assert.equal(translateErrors(errors, "th", dict).budget, "เกินงบ 500 บาท");
});
