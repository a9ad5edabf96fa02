/**
 * Survey answers and monthly assessments (物业测评) on SQLite. An answer's id is
 * `<compoundId>:<month>:<householdKey>`, its primary key: INSERT OR IGNORE writes one of any number
 * of racing answers of one household and the others read it back. An assessment is one row per
 * compound and month, its content a JSON document; a draft is replaced and published by UPDATEs
 * conditional on its version and status, so of two publishing at once one changes it.
 */
import type { Database as Db } from 'better-sqlite3';
import { surveyAnswerId, type Assessment, type SurveyAnswer, type SurveyAnswers } from '../../../../src/core';
import type { AssessmentRepo } from '../port';
import type { SqliteKit } from './kit';

interface AnswerRow {
  id: string;
  compound_id: string;
  community_id: string;
  month: string;
  household_key: string;
  building_id: string;
  person_id: string;
  answers: string;
  comment: string | null;
  at: number;
}

const toAnswer = (r: AnswerRow): SurveyAnswer => ({
  id: r.id,
  compoundId: r.compound_id,
  communityId: r.community_id,
  month: r.month,
  householdKey: r.household_key,
  buildingId: r.building_id,
  personId: r.person_id,
  answers: JSON.parse(r.answers) as SurveyAnswers,
  comment: r.comment,
  at: r.at,
});

const toAssessment = (r: { doc: string }): Assessment => JSON.parse(r.doc) as Assessment;
const assessmentParams = (a: Assessment) => ({
  id: a.id,
  compoundId: a.compoundId,
  compoundPath: a.compoundPath,
  communityId: a.communityId,
  month: a.month,
  status: a.status,
  version: a.version,
  doc: JSON.stringify(a),
});

export function sqliteAssessments(db: Db, _kit: SqliteKit): AssessmentRepo {
  const q = {
    answerById: db.prepare<[string], AnswerRow>('SELECT * FROM survey_answers WHERE id = ?'),
    insertAnswer: db.prepare(
      `INSERT OR IGNORE INTO survey_answers (id, compound_id, community_id, month, household_key, building_id, person_id, answers, comment, at)
       VALUES (@id, @compoundId, @communityId, @month, @householdKey, @buildingId, @personId, @answers, @comment, @at)`,
    ),
    answers: db.prepare<[string, string], AnswerRow>('SELECT * FROM survey_answers WHERE compound_id = ? AND month = ? ORDER BY at, id'),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM assessments WHERE id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO assessments (id, compound_id, compound_path, community_id, month, status, version, doc)
       VALUES (@id, @compoundId, @compoundPath, @communityId, @month, @status, @version, @doc)`,
    ),
    replaceDraft: db.prepare(
      `UPDATE assessments SET compound_path = @compoundPath, status = @status, version = @version, doc = @doc
       WHERE id = @id AND version = @expected AND status = 'draft'`,
    ),
    forMonth: db.prepare<[string, string], { doc: string }>('SELECT doc FROM assessments WHERE community_id = ? AND month = ? ORDER BY compound_path, id'),
    forCompound: db.prepare<[string, number], { doc: string }>('SELECT doc FROM assessments WHERE compound_id = ? ORDER BY month DESC LIMIT ?'),
    publishedForCompound: db.prepare<[string, number], { doc: string }>(
      "SELECT doc FROM assessments WHERE compound_id = ? AND status = 'published' ORDER BY month DESC LIMIT ?",
    ),
  };

  // Read and write in one transaction: the document carries the status, version and publisher.
  const publish = db.transaction((id: string, version: number, by: string, at: number): Assessment | null => {
    const row = q.get.get(id);
    if (!row) return null;
    const a = toAssessment(row);
    if (a.status !== 'draft' || a.version !== version) return null;
    const next: Assessment = { ...a, status: 'published', publishedBy: by, publishedAt: at, version: version + 1 };
    if (q.replaceDraft.run({ ...assessmentParams(next), expected: version }).changes !== 1) return null;
    return next;
  });

  return {
    async answer(a) {
      const written = q.insertAnswer.run({ ...a, answers: JSON.stringify(a.answers) }).changes === 1;
      if (written) return { ok: true, answer: a };
      return { ok: false, reason: 'answered', existing: toAnswer(q.answerById.get(a.id)!) };
    },
    async answerOf(compoundId, month, householdKey) {
      const r = q.answerById.get(surveyAnswerId(compoundId, month, householdKey));
      return r ? toAnswer(r) : null;
    },
    async answers(compoundId, month) {
      return q.answers.all(compoundId, month).map(toAnswer);
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toAssessment(r) : null;
    },
    async saveDraft(a, expectedVersion) {
      if (a.status !== 'draft') throw new Error('saveDraft writes drafts only');
      const changed = expectedVersion === null ? q.insert.run(assessmentParams(a)).changes : q.replaceDraft.run({ ...assessmentParams(a), expected: expectedVersion }).changes;
      return changed === 1 ? a : null;
    },
    async publish(id, version, by, at) {
      return publish(id, version, by, at);
    },
    async forMonth(communityId, month) {
      return q.forMonth.all(communityId, month).map(toAssessment);
    },
    async forCompound(compoundId, publishedOnly, limit) {
      return (publishedOnly ? q.publishedForCompound : q.forCompound).all(compoundId, limit).map(toAssessment);
    },
  };
}
