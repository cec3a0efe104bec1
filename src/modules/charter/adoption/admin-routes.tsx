import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { editionAdmin } from "../charters/helpers.tsx";
import { putToVote, adoptByVote, withdrawVote, adoptByResolution } from "./commands.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";
import { currentTambon } from "../../../core/http.ts";

/** Putting an edition to the vote and adopting it by vote or by resolution. */
export async function adoptionAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const { editionPost } = editionAdmin(db);
  // Every adoption form needs the right to manage the charter and is confirmed first.
  const adoption = { permission: "charter.manage", options: confirmFirst } as const;
  editionPost(app, {
    ...adoption,
    path: "vote",
    form: "vote",
    run: (req, tambonId, id, body) => putToVote(db, req.actor, tambonId, id, body.area ?? ""),
    to: (req, value) => `/t/${currentTambon(req).slug}/decisions/${value.questionId}`,
    done: (t) => t("adopt.voteOpened"),
  });
  // Checking the vote's result and unlinking it show their errors on the adoption panel.
  const onTheVote = [
    { path: "adopt-vote", command: adoptByVote, done: "adopt.adopted" },
    { path: "withdraw-vote", command: withdrawVote, done: "adopt.withdrawn" },
  ] as const;
  for (const v of onTheVote)
    editionPost(app, {
      ...adoption,
      path: v.path,
      form: "adopt",
      keepInput: false,
      run: (req, tambonId, id) => v.command(db, req.actor, tambonId, id),
      done: (t) => t(v.done),
    });
  editionPost(app, {
    ...adoption,
    path: "adopt-resolution",
    form: "resolution",
    run: (req, tambonId, id, body) =>
      adoptByResolution(db, req.actor, tambonId, id, body.resolution ?? ""),
    done: (t) => t("adopt.adopted"),
  });
}
