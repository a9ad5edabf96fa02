/**
 * Survey answers and monthly assessments (物业测评) on CloudBase.
 * - An answer's `_id` is its id (`<compoundId>:<month>:<householdKey>`): of racing adds of one
 *   household's answer one is written (kit.addOnce); the others read it back and answer `answered`.
 * - An assessment's `_id` is `<compoundId>:<month>`. A draft is written and published in a
 *   transaction that reads the document and checks its status and version before replacing it
 *   whole (set: the figures' nested records must not merge with the old ones). Two publishing at
 *   once both write the `_id`: the database commits one and the SDK re-runs the other, which then
 *   finds the version moved and writes nothing.
 */
import { surveyAnswerId, type Assessment, type SurveyAnswer } from '../../../../src/core';
import type { AssessmentRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface AnswerDoc extends Stored, Omit<SurveyAnswer, 'id'> {}
interface AssessmentDoc extends Stored, Omit<Assessment, 'id'> {}

const toAnswer = ({ _id, ...fields }: AnswerDoc): SurveyAnswer => ({ id: _id, ...fields, comment: fields.comment ?? null });
const toAssessment = ({ _id, ...fields }: AssessmentDoc): Assessment => ({
  id: _id,
  ...fields,
  publishedAt: fields.publishedAt ?? null,
  publishedBy: fields.publishedBy ?? null,
});
const fieldsOf = ({ id: _id, ...fields }: Assessment): Omit<AssessmentDoc, '_id'> => fields;

export function cloudbaseAssessments(kit: CloudbaseKit): AssessmentRepo {
  const answers = () => kit.coll('survey_answers');
  const assessments = () => kit.coll('assessments');

  return {
    async answer(a) {
      const { id, ...fields } = a;
      if (await kit.addOnce('survey_answers', { _id: id, ...fields })) return { ok: true, answer: a };
      const existing = await kit.docById<AnswerDoc>('survey_answers', id);
      if (!existing) throw new Error(`survey answer ${id} was refused but is not there`);
      return { ok: false, reason: 'answered', existing: toAnswer(existing) };
    },
    async answerOf(compoundId, month, householdKey) {
      const d = await kit.docById<AnswerDoc>('survey_answers', surveyAnswerId(compoundId, month, householdKey));
      return d ? toAnswer(d) : null;
    },
    async answers(compoundId, month) {
      const q = answers().where({ compoundId, month }).orderBy('at', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<AnswerDoc>(q)).map(toAnswer);
    },
    async get(id) {
      const d = await kit.docById<AssessmentDoc>('assessments', id);
      return d ? toAssessment(d) : null;
    },
    async saveDraft(a, expectedVersion) {
      if (a.status !== 'draft') throw new Error('saveDraft writes drafts only');
      return kit.transaction(async (t) => {
        const stored = await t.get<AssessmentDoc>('assessments', a.id);
        if (expectedVersion === null) {
          if (stored) return null;
          await t.add('assessments', { _id: a.id, ...fieldsOf(a) });
          return a;
        }
        if (!stored || stored.status !== 'draft' || stored.version !== expectedVersion) return null;
        await t.set('assessments', a.id, fieldsOf(a));
        return a;
      });
    },
    async publish(id, version, by, at) {
      return kit.transaction(async (t) => {
        const stored = await t.get<AssessmentDoc>('assessments', id);
        if (!stored || stored.status !== 'draft' || stored.version !== version) return null;
        const next: Assessment = { ...toAssessment(stored), status: 'published', publishedBy: by, publishedAt: at, version: version + 1 };
        await t.set('assessments', id, fieldsOf(next));
        return next;
      });
    },
    async forMonth(communityId, month) {
      const q = assessments().where({ communityId, month }).orderBy('compoundPath', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<AssessmentDoc>(q)).map(toAssessment);
    },
    async forCompound(compoundId, publishedOnly, limit) {
      const where = publishedOnly ? { compoundId, status: 'published' } : { compoundId };
      const q = assessments().where(where).orderBy('month', 'desc');
      return (await kit.drainBySkip<AssessmentDoc>(q, limit)).map(toAssessment);
    },
  };
}
