import {
  DEFAULT_ASSESSMENT_POLICY,
  assessmentId,
  assessmentResult,
  figures,
  surveyAnswerId,
  surveySummary,
  type Assessment,
  type SurveyAnswer,
  type SurveyAnswers,
} from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

const good: SurveyAnswers = { response: 'satisfied', repair: 'satisfied', cleaning: 'basically_satisfied', security: 'satisfied', attitude: 'unsatisfied' };

function answer(compoundId: string, month: string, household: string, extra: Partial<SurveyAnswer> = {}): SurveyAnswer {
  return {
    id: surveyAnswerId(compoundId, month, household),
    compoundId,
    communityId: 'unit_community',
    month,
    householdKey: household,
    buildingId: 'unit_b1',
    personId: 'per_resident',
    answers: good,
    comment: null,
    at: 10_000,
    ...extra,
  };
}

function assessment(compound: { id: string; path: string }, month: string, extra: Partial<Assessment> = {}): Assessment {
  const f = figures([{ status: 'closed', respondedAt: 10, firstRespondBy: 20, breached: false, rating: 'satisfied', resolvedAt: 30, resolvedLevel: 'grid', duplicateOf: null }], 100);
  const s = surveySummary([{ answers: good }]);
  return {
    id: assessmentId(compound.id, month),
    compoundId: compound.id,
    compoundPath: compound.path,
    communityId: 'unit_community',
    month,
    companyId: 'pco_1',
    companyName: '幸福物业',
    figures: f,
    survey: s,
    policy: DEFAULT_ASSESSMENT_POLICY,
    policyVersion: 0,
    result: assessmentResult(f, s, DEFAULT_ASSESSMENT_POLICY),
    status: 'draft',
    computedAt: 50_000,
    computedBy: 'per_staff',
    publishedAt: null,
    publishedBy: null,
    version: 1,
    ...extra,
  };
}

export function assessmentsContract(ctx: ContractContext) {
  describe('assessments', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    it('keeps one answer per household, compound and month: a second is refused with the first, nothing written', async () => {
      const a = answer(t.a.id, '2026-11', 'hh1', { comment: '电梯常坏' });
      expect(await store.assessments.answer(a)).toEqual({ ok: true, answer: a });
      const again = answer(t.a.id, '2026-11', 'hh1', { personId: 'per_spouse', answers: { ...good, attitude: 'satisfied' }, at: 20_000 });
      expect(await store.assessments.answer(again)).toEqual({ ok: false, reason: 'answered', existing: a });
      expect(await store.assessments.answerOf(t.a.id, '2026-11', 'hh1')).toEqual(a);
      // Another month, another compound, another household: each its own.
      for (const other of [answer(t.a.id, '2026-10', 'hh1'), answer(t.b.id, '2026-11', 'hh1'), answer(t.a.id, '2026-11', 'hh2', { at: 5_000 })]) {
        expect((await store.assessments.answer(other)).ok).toBe(true);
      }
      expect((await store.assessments.answers(t.a.id, '2026-11')).map((x) => x.householdKey)).toEqual(['hh2', 'hh1']);
      expect(await store.assessments.answerOf(t.a.id, '2026-09', 'hh1')).toBeNull();
    });

    it('writes one of 50 answers of one household for one compound and month sent at once', async () => {
      const racers = Array.from({ length: 50 }, (_, i) => answer(t.a.id, '2026-11', 'hh_race', { personId: `per_${i}`, at: 10_000 + i }));
      const results = await Promise.all(racers.map((a) => store.assessments.answer(a)));
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const stored = await store.assessments.answerOf(t.a.id, '2026-11', 'hh_race');
      expect(won[0]).toEqual({ ok: true, answer: stored });
      // Every other one is told the household answered already, with the answer that stands.
      for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'answered', existing: stored });
      expect(await store.assessments.answers(t.a.id, '2026-11')).toHaveLength(1);
    });

    it('writes a draft, replaces it at the version read, never over a published one', async () => {
      const d = assessment(t.a, '2026-11');
      expect(await store.assessments.saveDraft(d, null)).toEqual(d);
      expect(await store.assessments.get(d.id)).toEqual(d);
      // A second first draft (two staff computing at once) writes nothing.
      expect(await store.assessments.saveDraft({ ...d, computedBy: 'per_other' }, null)).toBeNull();
      // Recomputed: the figures' records are replaced whole (no grid level now).
      const f = figures([], 100);
      const d2: Assessment = { ...d, figures: f, result: assessmentResult(f, d.survey, d.policy), computedAt: 60_000, version: 2 };
      expect(await store.assessments.saveDraft(d2, 1)).toEqual(d2);
      expect(await store.assessments.get(d.id)).toEqual(d2);
      expect(Object.keys((await store.assessments.get(d.id))!.figures.resolvedAtLevel)).not.toContain('grid');
      expect(await store.assessments.saveDraft({ ...d2, version: 3 }, 1)).toBeNull();
      const published = await store.assessments.publish(d.id, 2, 'per_staff', 70_000);
      expect(published).toEqual({ ...d2, status: 'published', publishedBy: 'per_staff', publishedAt: 70_000, version: 3 });
      expect(await store.assessments.saveDraft({ ...d2, version: 4 }, 3)).toBeNull();
      expect(await store.assessments.get(d.id)).toEqual(published);
    });

    it('publishes at the version read once: a stale version or a published one writes nothing', async () => {
      const d = assessment(t.a, '2026-11');
      await store.assessments.saveDraft(d, null);
      expect(await store.assessments.publish(d.id, 2, 'per_staff', 70_000)).toBeNull();
      expect(await store.assessments.publish('unit_none:2026-11', 1, 'per_staff', 70_000)).toBeNull();
      expect((await store.assessments.publish(d.id, 1, 'per_staff', 70_000))?.status).toBe('published');
      expect(await store.assessments.publish(d.id, 2, 'per_staff', 80_000)).toBeNull();
    });

    it('lets one of two staff publishing the same assessment at once win', async () => {
      const d = assessment(t.a, '2026-11');
      await store.assessments.saveDraft(d, null);
      const results = await Promise.all([store.assessments.publish(d.id, 1, 'per_staff1', 70_000), store.assessments.publish(d.id, 1, 'per_staff2', 70_001)]);
      const won = results.filter((r) => r !== null);
      expect(won).toHaveLength(1);
      expect(await store.assessments.get(d.id)).toEqual(won[0]);
      expect(won[0]).toMatchObject({ status: 'published', version: 2 });
    });

    it('lists a community\'s month by compound, and a compound\'s history newest first (published only, or all)', async () => {
      const a11 = assessment(t.a, '2026-11');
      const b11 = assessment(t.b, '2026-11');
      const a10 = assessment(t.a, '2026-10');
      const a09 = assessment(t.a, '2026-09');
      for (const x of [b11, a11, a10, a09]) await store.assessments.saveDraft(x, null);
      await store.assessments.publish(a10.id, 1, 'per_staff', 1);
      await store.assessments.publish(a09.id, 1, 'per_staff', 1);
      await store.assessments.saveDraft({ ...assessment(t.a, '2026-11'), id: 'unit_x:2026-11', compoundId: 'unit_x', communityId: 'unit_elsewhere' }, null);
      const month = await store.assessments.forMonth('unit_community', '2026-11');
      expect(month.map((x) => x.compoundId)).toEqual([t.a, t.b].sort((x, y) => (x.path < y.path ? -1 : 1)).map((u) => u.id));
      expect((await store.assessments.forCompound(t.a.id, true, 24)).map((x) => x.month)).toEqual(['2026-10', '2026-09']);
      expect((await store.assessments.forCompound(t.a.id, false, 24)).map((x) => x.month)).toEqual(['2026-11', '2026-10', '2026-09']);
      expect((await store.assessments.forCompound(t.a.id, false, 2)).map((x) => x.month)).toEqual(['2026-11', '2026-10']);
    });
  });
}
