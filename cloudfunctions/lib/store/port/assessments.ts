import type { Assessment, SurveyAnswer } from '../../../../src/core';

export type SurveyAnswerResult =
  | { ok: true; answer: SurveyAnswer }
  /** The household answered this compound's month already (its id is theirs): that answer. Nothing written. */
  | { ok: false; reason: 'answered'; existing: SurveyAnswer };

/**
 * The survey's answers (one per household, compound and month) and the monthly assessments (one per
 * compound and month, a draft until published; publishing is versioned, so of two staff publishing
 * at once one wins).
 */
export interface AssessmentRepo {
  /** Writes the answer unless one with its id (`<compoundId>:<month>:<householdKey>`) exists: of any number at once, one. */
  answer(a: SurveyAnswer): Promise<SurveyAnswerResult>;
  /** The household's answer for the compound's month, or null. */
  answerOf(compoundId: string, month: string, householdKey: string): Promise<SurveyAnswer | null>;
  /** Every answer of a compound's month, oldest first. */
  answers(compoundId: string, month: string): Promise<SurveyAnswer[]>;
  get(id: string): Promise<Assessment | null>;
  /**
   * Writes a computed draft: inserts it when `expectedVersion` is null and none exists, or replaces
   * the stored draft at `expectedVersion` (a.version is expectedVersion + 1). Never replaces a
   * published one. The assessment, or null (nothing written).
   */
  saveDraft(a: Assessment, expectedVersion: number | null): Promise<Assessment | null>;
  /** Publishes the draft at `version` (status published, version + 1); null (nothing written) otherwise. */
  publish(id: string, version: number, by: string, at: number): Promise<Assessment | null>;
  /** A community's assessments of a month, by compound path. */
  forMonth(communityId: string, month: string): Promise<Assessment[]>;
  /** A compound's assessments, newest month first: the published ones only, or all. */
  forCompound(compoundId: string, publishedOnly: boolean, limit: number): Promise<Assessment[]>;
}
