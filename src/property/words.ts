/**
 * How the property pages say a flag, a figure and an answer, in one place for both pages. A flag is
 * always its icon and its word (红旗 / 黄旗), never its colour alone; a rate with no reports behind it
 * says so instead of showing 0 %.
 */
import type { AssessmentView, SurveyView } from '../core/api';
import type { Flag, SurveyAnswerValue } from '../core/assessment';
import { formatDay } from '../utils/time';

/** The answers' faces: the same three the report's rating shows (pages/report/detail.tsx). */
export const ANSWER_ICON: Record<SurveyAnswerValue, string> = { satisfied: '😊', basically_satisfied: '🙂', unsatisfied: '😞' };

export interface FlagWords {
  /** The picture beside the word: 🚩 for red, ⚠️ for yellow, a dash for none. */
  icon: string;
  /** "红旗" / "黄旗" / "不评旗" */
  word: string;
  /** What it means, in a sentence. */
  meaning: string;
  /** The class suffix: its tint (with the words, never instead of them). */
  tone: Flag | 'none';
}

const FLAG_WORDS: Record<Flag, Omit<FlagWords, 'tone'>> = {
  red: { icon: '🚩', word: '红旗', meaning: '物业服务好，评为红旗' },
  yellow: { icon: '⚠️', word: '黄旗', meaning: '物业服务需要改进，评为黄旗' },
};

/** A month's flag in words; with no flag, why not (the server words it: "物业办理的反映太少（1 件，至少 3 件）"). */
export function flagWords(a: Pick<AssessmentView, 'flag' | 'noFlagText'>): FlagWords {
  if (a.flag) return { ...FLAG_WORDS[a.flag], tone: a.flag };
  return { icon: '—', word: '不评旗', meaning: a.noFlagText ?? '这个月的数据不够，不评红旗黄旗', tone: 'none' };
}

/** 0.873 → "87%"; no reports behind it → "暂无". */
export const percent = (rate: number | null): string => (rate === null ? '暂无' : `${Math.round(rate * 100)}%`);

/** "9 / 10 件": how many of how many, beside a rate. */
const outOf = (n: number, d: number, unit: string) => `${n} / ${d} ${unit}`;

export interface FigureRow {
  label: string;
  value: string;
  /** What the figure counts, in a short line. */
  hint: string;
}

/** The figures behind a month's flag, in the order the notice board prints them. */
export function figureRows(a: Pick<AssessmentView, 'figures' | 'survey' | 'result'>): FigureRow[] {
  const f = a.figures;
  const s = a.survey;
  return [
    { label: '响应率', value: percent(f.responseRate), hint: f.responseDue ? `按时响应 ${outOf(f.respondedOnTime, f.responseDue, '件')}` : '当月没有要响应的反映' },
    { label: '按时办结率', value: percent(f.onTimeRate), hint: f.resolved ? `按时办结 ${outOf(f.resolvedOnTime, f.resolved, '件')}` : '当月没有办结的反映' },
    { label: '满意率', value: percent(f.satisfactionRate), hint: f.rated ? `满意和基本满意 ${outOf(f.satisfied, f.rated, '件')}` : '当月没有评价过的反映' },
    { label: '问卷得分', value: s.score === null ? '暂无' : `${Math.round(s.score * 100)} 分`, hint: '居民问卷，满分 100 分' },
    { label: '物业办理的反映', value: `${f.reports} 件`, hint: '当月居民反映、由物业办理的' },
    { label: '参加测评的住户', value: `${s.answers} 户`, hint: '每户每月评一次' },
  ];
}

/** "综合得分 86.5 分", or null when no part had data. */
export const scoreWords = (score: number | null): string | null => (score === null ? null : `综合得分 ${score} 分`);

/**
 * Who of the household answered, and when: "您在今天提交了本月的评价" (the caller), "孙福贵在12月1日提交了
 * 您家本月的评价" (another of the household, when the server names them), "您家在今天提交了本月的评价".
 */
export function answeredLine(answeredAt: number | null, by: { mine: boolean; name: string | null }, now: number = Date.now()): string {
  const when = answeredAt === null ? '' : `在${formatDay(answeredAt, now)}`;
  const said = by.mine ? `您${when}提交了本月的评价` : by.name ? `${by.name}${when}提交了您家本月的评价` : `您家${when}提交了本月的评价`;
  return `${said}，谢谢！每户每月评一次，下个月可以再评。`;
}

/** Who of the household answered, when the server names them (to the household's own members only). */
export const answeredBy = (s: SurveyView): string | null => s.answeredBy?.name ?? null;
