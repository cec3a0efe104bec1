import type { FastifyReply, FastifyRequest } from "fastify";
import type { DbOrTx } from "../../../core/db/index.ts";
import { currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import type { Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { msg, type GroupsKey } from "../messages.ts";
import { meetingTitle } from "../shared/views.tsx";
import { listAreas } from "../../areas/public.ts";
import { bangkokDay, bangkokTime } from "../meetings/meeting.ts";
import { agendaOf, type MeetingRow } from "../meetings/queries.ts";
import { filesOf } from "../files/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { MeetingAdminPage } from "../meetings/admin-views.tsx";
import type { MeetingChoices } from "../meetings/fields.tsx";

import { groupsOf } from "../groups/queries.ts";
import { pick } from "../../../core/pick.ts";
/** Form values of a meeting row. */
export function meetingValues(m: MeetingRow): Record<string, string> {
  return {
    kind: m.kind,
    step: String(m.step),
    ...pick(m, "titleTh", "titleEn", "descriptionTh"),
    date: bangkokDay(m.startsAt),
    startTime: bangkokTime(m.startsAt),
    endTime: m.endsAt ? bangkokTime(m.endsAt) : "",
    place: m.place,
    organiser: m.organiser,
    groupId: m.groupId ? String(m.groupId) : "",
    areaId: m.areaId ? String(m.areaId) : "",
    status: m.status,
    isPublic: m.isPublic ? "1" : "",
    quorumMinPerVillage: m.quorumMinPerVillage === null ? "" : String(m.quorumMinPerVillage),
    quorumVillagesPct: String(m.quorumVillagesPct),
  };
}

/** The groups, villages and issue areas the meeting form offers. */
export async function meetingChoices(db: DbOrTx, tambonId: number): Promise<MeetingChoices> {
  const [groups, villages, areas] = await Promise.all([
    groupsOf(db, tambonId),
    villagesOf(db, tambonId),
    listAreas(db, tambonId),
  ]);
  return { groups, villages, areas };
}

/** The organisers' page of one meeting, with its forms (each may carry errors). */
export async function hubPage(
  db: DbOrTx,
  req: FastifyRequest,
  meeting: MeetingRow,
  forms: {
    form?: FormState;
    agendaForm?: FormState;
    fileForm?: FormState;
    groupIds?: number[];
    villageIds?: number[];
  },
) {
  const tambon = currentTambon(req);
  const [agenda, files, choices] = await Promise.all([
    agendaOf(db, tambon.id, meeting.id),
    filesOf(db, tambon.id, meeting.id),
    meetingChoices(db, tambon.id),
  ]);
  return (
    <MeetingAdminPage
      meeting={meeting}
      agenda={agenda}
      files={files}
      form={forms.form ?? emptyForm(meetingValues(meeting))}
      agendaForm={forms.agendaForm ?? emptyForm()}
      fileForm={forms.fileForm ?? emptyForm()}
      {...choices}
      invitedGroupIds={forms.groupIds ?? meeting.invitedGroupIds}
      invitedVillageIds={forms.villageIds ?? meeting.invitedVillageIds}
      canRecord={can(req.actor, "attendance.record", { tambonId: tambon.id })}
    />
  );
}

/**
 * After a form of the organisers' meeting page (an agenda item, a file): back to its section with
 * what was done, or the page again (422) with that form showing why not.
 */
export async function hubOutcome(
  db: DbOrTx,
  req: FastifyRequest,
  reply: FastifyReply,
  meeting: MeetingRow,
  result: Result<unknown, GroupsKey | CoreKey>,
  form: {
    name: "agendaForm" | "fileForm";
    body: Record<string, string>;
    anchor: string;
    done: GroupsKey;
  },
) {
  if (result.ok)
    return reply.seeOther(
      `/t/${currentTambon(req).slug}/admin/meetings/${meeting.id}#${form.anchor}`,
      msg.t(req.lang)(form.done),
    );
  const state = failedForm(form.body, result.errors, req.lang, msg);
  return reply.page(
    meetingTitle(meeting, req.lang),
    await hubPage(db, req, meeting, { [form.name]: state }),
    { status: 422 },
  );
}
