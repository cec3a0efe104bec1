import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { paged } from "../../../core/paging.ts";
import { can } from "../../../core/policy.ts";
import { parsePage } from "../../../core/params.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { base, idOf, moderate, read, t, url } from "../shared/helpers.tsx";
import { msg } from "../messages.ts";
import { answerQuestion, askQuestion, hideQuestion } from "./commands.ts";
import {
  answeredQuestions,
  countQuestions,
  myPendingQuestions,
  pendingQuestions,
} from "./queries.ts";
import { QaAdmin, QaPage } from "./views.tsx";

/** Asking in public: enough for a person, too few to bury the staff's queue under questions. */
export const QUESTION_RATE_LIMIT = { max: 10, timeWindow: "10 minutes" };

/** The public questions and answers, mounted under /t/:tambon. */
export async function qaRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  const qaPage = async (req: FastifyRequest, form: FormState, page = 1) => {
    const tambon = currentTambon(req);
    const user = req.actor.user;
    const [answered, mine] = await Promise.all([
      paged(
        page,
        () => countQuestions(db, tambon.id, "answered"),
        (w) => answeredQuestions(db, tambon.id, w.limit, w.offset),
      ),
      user ? myPendingQuestions(db, tambon.id, user.id) : Promise.resolve([]),
    ]);
    return (
      <QaPage
        answered={answered}
        mine={mine}
        canAsk={can(req.actor, "site.ask", { tambonId: tambon.id })}
        form={form}
      />
    );
  };

  app.get<{ Querystring: { page?: string } }>("/qa", async (req, reply) => {
    read(req);
    return reply.page(
      t(req)("qa.title"),
      await qaPage(req, emptyForm(), parsePage(req.query.page)),
      {
        description: t(req)("qa.intro").slice(0, 160),
      },
    );
  });

  app.post("/qa", { config: { rateLimit: QUESTION_RATE_LIMIT } }, async (req, reply) => {
    const tambon = allowedTambon(req, "site.ask");
    const body = formBody(req);
    const r = await askQuestion(db, req.actor, tambon.id, body);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("qa.title"),
        await qaPage(req, failedForm(body, r.errors, req.lang, msg)),
        { status: 422 },
      );
    }
    return reply.seeOther(url(tambon, "/qa"), t(req)("qa.sent"));
  });

  // Staff answer or hide questions.
  const adminPage = async (req: FastifyRequest, form: FormState) => {
    const tambon = currentTambon(req);
    const [pending, answered] = await Promise.all([
      pendingQuestions(db, tambon.id),
      answeredQuestions(db, tambon.id, 20, 0),
    ]);
    return <QaAdmin pending={pending} answered={answered} form={form} />;
  };

  app.get("/admin/site/qa", async (req, reply) => {
    moderate(req);
    return reply.page(t(req)("qa.manage"), await adminPage(req, emptyForm()));
  });

  for (const action of ["answer", "hide"] as const)
    app.post<{ Params: { id: string } }>(`/admin/site/qa/:id/${action}`, async (req, reply) => {
      const tambon = moderate(req);
      const body = formBody(req);
      const id = idOf(req);
      const r =
        action === "answer"
          ? await answerQuestion(db, req.actor, tambon.id, id, body)
          : await hideQuestion(db, req.actor, tambon.id, id, body);
      if (!r.ok) {
        throwIfDenied(r);
        const values = { ...body, questionId: String(id) };
        return reply.page(
          t(req)("qa.manage"),
          await adminPage(req, failedForm(values, r.errors, req.lang, msg)),
          { status: 422 },
        );
      }
      return reply.seeOther(
        `${base(tambon)}/qa`,
        t(req)(action === "answer" ? "qa.answeredSaved" : "qa.hiddenSaved"),
      );
    });
}
