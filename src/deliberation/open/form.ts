/**
 * 发起议题's model and checks, in the words of the deliberation function (core/schemas/deliberation.ts,
 * content.ts), so a mistake is said beside its box before anything is sent; the input it sends; and which
 * box a refusal from the server names.
 */
import { TOPIC_DAYS_AHEAD_MAX, TOPIC_OPTIONS_MAX, TOPIC_OPTIONS_MIN, TOPIC_PARTIES_MAX, type TopicAudience } from '../../core/deliberation';
import { dayKey } from '../../core/time';

export const TITLE_MAX = 40;
export const BACKGROUND_MAX = 2000;
export const OPTION_MAX = 40;
export const PARTY_MAX = 20;
const DAY = 24 * 3600_000;

/** To vote on options, or an open question that takes opinions only. */
export type Kind = 'vote' | 'question';

export interface TopicForm {
  unitId: string | null;
  title: string;
  background: string;
  kind: Kind;
  options: string[];
  opinionsUntil: string;
  voteFrom: string;
  voteUntil: string;
  audience: TopicAudience;
  /** "幸福里物业、业主委员会": split on 、，, and spaces. */
  parties: string;
}

export type Field = 'unitId' | 'title' | 'background' | 'options' | 'opinionsUntil' | 'voteFrom' | 'voteUntil' | 'audience' | 'parties' | 'photos';
export type Problems = Partial<Record<Field, string>>;

/** The days a picker offers: today to TOPIC_DAYS_AHEAD_MAX ahead (China days). */
export const dayRange = (now: number = Date.now()) => ({ start: dayKey(now), end: dayKey(now + TOPIC_DAYS_AHEAD_MAX * DAY) });

/** A week of opinions, then a week of voting: what the form offers first. */
export function emptyForm(unitId: string | null, now: number = Date.now()): TopicForm {
  return {
    unitId,
    title: '',
    background: '',
    kind: 'vote',
    options: ['同意', '不同意'],
    opinionsUntil: dayKey(now + 6 * DAY),
    voteFrom: dayKey(now + 7 * DAY),
    voteUntil: dayKey(now + 13 * DAY),
    audience: 'residents',
    parties: '',
  };
}

export const partiesOf = (text: string) => [...new Set(text.split(/[、，,；;\s]+/).map((p) => p.trim()).filter(Boolean))];

export function checkTopic(f: TopicForm, range: { start: string; end: string }): Problems {
  const out: Problems = {};
  if (!f.unitId) out.unitId = '请选择议题发给哪栋楼或哪个小区';
  const title = f.title.trim();
  if (!title) out.title = '请写议题标题，如“1号楼加装电梯”';
  else if (title.length > TITLE_MAX) out.title = `标题最多 ${TITLE_MAX} 个字`;
  const background = f.background.trim();
  if (!background) out.background = '请写一写是什么事、为什么现在商量';
  else if (background.length > BACKGROUND_MAX) out.background = `背景最多 ${BACKGROUND_MAX} 个字`;
  const inRange = (d: string) => d >= range.start && d <= range.end;
  const far = `日期要从今天起，最多 ${TOPIC_DAYS_AHEAD_MAX} 天以内`;
  if (!inRange(f.opinionsUntil)) out.opinionsUntil = far;
  if (f.kind === 'vote') {
    const labels = f.options.map((o) => o.trim());
    if (labels.some((l) => !l)) out.options = '有选项还空着：请填上，或点“删除”去掉它';
    else if (labels.length < TOPIC_OPTIONS_MIN) out.options = `投票至少要 ${TOPIC_OPTIONS_MIN} 个选项`;
    else if (labels.length > TOPIC_OPTIONS_MAX) out.options = `最多 ${TOPIC_OPTIONS_MAX} 个选项`;
    else if (labels.some((l) => l.length > OPTION_MAX)) out.options = `每个选项最多 ${OPTION_MAX} 个字`;
    else if (new Set(labels).size !== labels.length) out.options = '有两个选项一样：请改一个';
    if (!inRange(f.voteFrom)) out.voteFrom = far;
    if (!inRange(f.voteUntil)) out.voteUntil = far;
    else if (f.voteUntil < f.voteFrom) out.voteUntil = '投票截止日期不能早于开始日期';
  }
  const parties = partiesOf(f.parties);
  if (parties.length > TOPIC_PARTIES_MAX) out.parties = `参与方最多 ${TOPIC_PARTIES_MAX} 个`;
  else if (parties.some((p) => p.length > PARTY_MAX)) out.parties = `每个参与方最多 ${PARTY_MAX} 个字`;
  return out;
}

/** What the form sends: `clientRequestId` made once for the form, so a retried tap opens one topic. */
export function inputOf(f: TopicForm, photos: string[], clientRequestId: string) {
  const vote = f.kind === 'vote';
  const parties = partiesOf(f.parties);
  return {
    clientRequestId,
    unitId: f.unitId!,
    title: f.title.trim(),
    background: f.background.trim(),
    ...(vote ? { options: f.options.map((o) => o.trim()), voteFrom: f.voteFrom, voteUntil: f.voteUntil } : {}),
    audience: f.audience,
    ...(parties.length ? { parties } : {}),
    ...(photos.length ? { photos } : {}),
    opinionsUntil: f.opinionsUntil,
  };
}

const FIELDS: readonly Field[] = ['unitId', 'title', 'background', 'options', 'opinionsUntil', 'voteFrom', 'voteUntil', 'audience', 'parties', 'photos'];

/** The box a refusal names (`options.2` → options), or null when it is none of ours. */
export function fieldOf(field: string | undefined): Field | null {
  const head = field?.split('.')[0];
  return head && (FIELDS as readonly string[]).includes(head) ? (head as Field) : null;
}
