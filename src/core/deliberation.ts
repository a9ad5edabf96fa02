/**
 * Neighbours decide together (议事协商): a topic (议题) opened for a building, a compound or the
 * community by a branch secretary, community staff or a building lead; residents read it, leave
 * opinions (意见, moderated: staff hide one with a reason its author sees) and vote — one vote per
 * household, changeable until the vote closes; the decision and minutes (decided by the vote or at a
 * meeting: 逢三说事, a joint meeting of the four parties, a residents' meeting) are published on the
 * topic and on the compound's public page. A compound's rules (小区管理公约) are a versioned document,
 * each version naming the topic that changed it. 联邦新城's 小区管理公约, 灌坝社区's 坝坝会, 黄金社区's
 * 四方联席会, 宝山九村's online proposals.
 *
 * A topic's status is what a person sees change by an act (open → decided, or withdrawn); its phase
 * (opinions open, voting, waiting for the decision) follows from its days and the clock: no timer.
 */

export const TOPIC_STATUSES = ['open', 'decided', 'withdrawn'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const TOPIC_STATUS_LABEL: Record<TopicStatus, string> = {
  open: '进行中',
  decided: '已有决定',
  withdrawn: '已撤回',
};

export const TOPIC_EVENTS = ['decide', 'withdraw'] as const;
export type TopicEvent = (typeof TOPIC_EVENTS)[number];

/** (status, event) → status: the one place a topic's status changes (style rule 4). */
export const TOPIC_TRANSITIONS: Readonly<Record<TopicStatus, Partial<Record<TopicEvent, TopicStatus>>>> = {
  open: { decide: 'decided', withdraw: 'withdrawn' },
  decided: {},
  withdrawn: {},
};

/** The next status, or null when the event does not apply (TOPIC.NOT_ALLOWED). */
export function topicTransition(status: TopicStatus, event: TopicEvent): TopicStatus | null {
  return TOPIC_TRANSITIONS[status][event] ?? null;
}

/**
 * Where an open topic stands now: taking opinions (before the vote opens, or the whole time for an open
 * question), voting, or waiting for the decision (the vote closed, or the opinions' time is over).
 */
export const TOPIC_PHASES = ['opinions', 'voting', 'awaiting', 'decided', 'withdrawn'] as const;
export type TopicPhase = (typeof TOPIC_PHASES)[number];

export const TOPIC_PHASE_LABEL: Record<TopicPhase, string> = {
  opinions: '征求意见中',
  voting: '投票中',
  awaiting: '等待决定',
  decided: '已有决定',
  withdrawn: '已撤回',
};

/** Who takes part: residents of the unit's households (one vote each), and members serving there (opinions only unless they live there). */
export const TOPIC_AUDIENCES = ['residents', 'residents_and_members'] as const;
export type TopicAudience = (typeof TOPIC_AUDIENCES)[number];

export const TOPIC_AUDIENCE_LABEL: Record<TopicAudience, string> = {
  residents: '本楼栋/小区住户',
  residents_and_members: '住户和在这里服务的党员',
};

/** How the decision was reached. */
export const DECIDED_BY = ['vote', 'agenda_meeting', 'joint_meeting', 'residents_meeting'] as const;
export type DecidedBy = (typeof DECIDED_BY)[number];

export const DECIDED_BY_LABEL: Record<DecidedBy, string> = {
  vote: '按住户投票结果',
  agenda_meeting: '逢三说事议事会',
  joint_meeting: '四方联席会议',
  residents_meeting: '居民（坝坝）会',
};

export const TOPIC_OPTIONS_MIN = 2;
export const TOPIC_OPTIONS_MAX = 8;
export const TOPIC_PHOTOS_MAX = 9;
export const TOPIC_PARTIES_MAX = 6;
/** The opinions' and the vote's days are at most this far ahead of the day the topic opens. */
export const TOPIC_DAYS_AHEAD_MAX = 90;
export const OPINION_MAX = 500;

/** The mini-program page notices open (the deliberation subpackage's topic page). */
export const TOPIC_PAGE = 'deliberation/topic/index';
export const topicPage = (id: string) => `${TOPIC_PAGE}?id=${encodeURIComponent(id)}`;

export interface TopicOption {
  /** "a", "b", … in the order given. */
  id: string;
  label: string;
}

/** The decision and its minutes (决定和会议纪要). */
export interface TopicDecision {
  decidedBy: DecidedBy;
  /** The option the decision adopts, when the topic had options; null for an open question or "none of these". */
  optionId: string | null;
  /** 决定: what will be done, in a sentence or a few. */
  text: string;
  /** 会议纪要: where, when, who attended, what was said and agreed. */
  minutes: string;
  /** The meeting's China day ("2026-12-13"); for a decision by the vote, the day it was recorded. */
  meetingDay: string;
  /** 参会: "社区党委、业委会、物业、居民代表 12 人" (free text, no personal data required). */
  attendees: string;
  /** The compound-rules version this decision adopted, if it changed the 公约. */
  rulesVersion: number | null;
  by: string;
  at: number;
}

export interface Topic {
  id: string;
  communityId: string;
  /** The building, compound or community the topic is for; who takes part lives under it. */
  unitId: string;
  unitPath: string;
  unitKind: 'building' | 'compound' | 'community';
  title: string;
  /** 背景: what the matter is, why it is raised now. */
  background: string;
  /** The choices to vote on (2–8), or empty for an open question (opinions only, no vote). */
  options: TopicOption[];
  /** Photo paths as stored. */
  photos: string[];
  audience: TopicAudience;
  /** Named parties at the table besides residents: "幸福里物业", "业主委员会" (text). */
  parties: string[];
  /** Opinions are taken until the end of this China day (ms). */
  opinionsUntil: number;
  /** The vote runs from the start of one China day to the end of another (ms); null for an open question. */
  voteOpensAt: number | null;
  voteClosesAt: number | null;
  /** The report this topic was opened from (a recurring or disputed problem), if any. */
  reportId: string | null;
  status: TopicStatus;
  decision: TopicDecision | null;
  withdrawnReason: string | null;
  openedBy: string;
  clientRequestId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** An opinion (意见) on a topic: shown to everyone who may read the topic unless hidden by staff. */
export interface Opinion {
  id: string;
  topicId: string;
  personId: string;
  text: string;
  /** Hidden by staff: the reason its author sees (others see nothing of it). */
  hidden: { reason: string; by: string; at: number } | null;
  clientRequestId: string;
  createdAt: number;
}

/** A household's vote: one per topic and household (id `<topicId>:<householdKey>`), changeable until the vote closes. */
export interface Vote {
  id: string;
  topicId: string;
  householdKey: string;
  buildingId: string;
  optionId: string;
  /** Who in the household cast it last (shown to the household only). */
  personId: string;
  at: number;
  /** How many times the household changed it. */
  changes: number;
}

export const voteId = (topicId: string, householdKey: string) => `${topicId}:${householdKey}`;

/** A version of a compound's rules (小区管理公约); version 1 is the first entered. */
export interface CompoundRules {
  /** `<compoundId>:<version>` */
  id: string;
  compoundId: string;
  communityId: string;
  version: number;
  /** The whole text of this version. */
  text: string;
  /** The topic whose decision adopted it; null for the first text entered (or a correction staff made without a topic). */
  topicId: string | null;
  /** What changed, in a line: "增加电动车充电条款". */
  note: string;
  adoptedBy: string;
  adoptedAt: number;
}

export const compoundRulesId = (compoundId: string, version: number) => `${compoundId}:${version}`;

/** Where the topic stands at `now`. */
export function topicPhase(t: Pick<Topic, 'status' | 'opinionsUntil' | 'voteOpensAt' | 'voteClosesAt'>, now: number): TopicPhase {
  if (t.status === 'decided') return 'decided';
  if (t.status === 'withdrawn') return 'withdrawn';
  if (t.voteOpensAt !== null && t.voteClosesAt !== null) {
    if (now < t.voteOpensAt) return 'opinions';
    if (now <= t.voteClosesAt) return 'voting';
    return 'awaiting';
  }
  return now <= t.opinionsUntil ? 'opinions' : 'awaiting';
}

/** Whether opinions are taken at `now`: while the topic is open and not past its opinions' day. */
export function takesOpinions(t: Pick<Topic, 'status' | 'opinionsUntil'>, now: number): boolean {
  return t.status === 'open' && now <= t.opinionsUntil;
}

/** Whether a household may vote (or change its vote) at `now`. */
export function votingOpen(t: Pick<Topic, 'status' | 'voteOpensAt' | 'voteClosesAt'>, now: number): boolean {
  return t.status === 'open' && t.voteOpensAt !== null && t.voteClosesAt !== null && now >= t.voteOpensAt && now <= t.voteClosesAt;
}

/** Option ids in order: a, b, c, … */
export const optionIds = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

export interface Tally {
  /** Votes per option id (every option present, 0 when none). */
  counts: Record<string, number>;
  /** Households that voted. */
  voted: number;
  /** Households that may vote (the unit's households known to Jinlin). */
  households: number;
}

/** Share of households that took part, in whole percent (0 when the unit has none). */
export const turnoutPercent = (t: Pick<Tally, 'voted' | 'households'>): number => (t.households === 0 ? 0 : Math.round((100 * t.voted) / t.households));

/** The option(s) with most votes; empty when nobody voted. Several on a tie. */
export function leadingOptions(t: Pick<Tally, 'counts'>): string[] {
  const max = Math.max(0, ...Object.values(t.counts));
  if (max === 0) return [];
  return Object.keys(t.counts).filter((k) => t.counts[k] === max);
}
