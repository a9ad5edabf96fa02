/** What the deliberation function (议事协商) answers. Who voted what is never in any of it: counts only. */
import type { DecidedBy, TopicAudience, TopicPhase, TopicStatus } from '../deliberation';
import type { UnitRef } from '../views';

export interface TopicPersonRef {
  id: string;
  name: string;
}

/** A topic in a list: the mini-program's 小区议事 and the management page's table. */
export interface TopicCard {
  id: string;
  title: string;
  unit: UnitRef;
  /** "幸福里小区 / 3号楼" */
  trail: string;
  status: TopicStatus;
  phase: TopicPhase;
  phaseLabel: string;
  /** True when it has options to vote on (false: an open question). */
  hasVote: boolean;
  opinionsUntil: number;
  voteOpensAt: number | null;
  voteClosesAt: number | null;
  /** Households that voted of those that may ("已投 12 户 / 共 40 户"). */
  turnout: { voted: number; households: number; percent: number };
  /** The caller's household voted (false for staff with no home there). */
  myHouseholdVoted: boolean;
  opinions: number;
  createdAt: number;
  decidedAt: number | null;
}

export interface OptionResult {
  id: string;
  label: string;
  /** Null while the vote runs (for everyone but moderators): counts are shown once it closes. */
  count: number | null;
  /** Share of the votes cast, whole percent; null with count. */
  percent: number | null;
}

export interface OpinionView {
  id: string;
  /** "张*华 · 3号楼" — the author's name half hidden, and their building; "我" for the caller's own. */
  author: string;
  mine: boolean;
  text: string;
  createdAt: number;
  /** Only the author and moderators see a hidden opinion; the author sees the reason. */
  hidden: { reason: string; at: number } | null;
}

export interface DecisionView {
  decidedBy: DecidedBy;
  decidedByLabel: string;
  /** The adopted option's label, if any. */
  option: string | null;
  text: string;
  minutes: string;
  meetingDay: string;
  attendees: string;
  rulesVersion: number | null;
  at: number;
}

export interface TopicView extends TopicCard {
  version: number;
  background: string;
  /** Photo addresses the reader can load. */
  photos: string[];
  /**
   * The same photos' stored references, in the order of `photos`, for whoever may edit the topic (an edit
   * sends back the ones to keep: a cloud address expires, a reference does not); empty for everyone else.
   */
  photoRefs: string[];
  audience: TopicAudience;
  audienceLabel: string;
  parties: string[];
  options: OptionResult[];
  /** The caller's household's vote: which option, who in the household cast it, when. Null when none (or no household here). */
  myVote: { optionId: string; by: string; at: number } | null;
  /** Why the caller cannot vote, when they cannot ("您不是这栋楼的住户", "投票已结束"); null when they can, or the topic has no vote. */
  voteClosedReason: string | null;
  opinionsList: OpinionView[];
  decision: DecisionView | null;
  withdrawnReason: string | null;
  openedBy: TopicPersonRef;
  /** The report it was opened from, for those who may see that report; null otherwise. */
  report: { id: string; title: string } | null;
  /** What the caller may do now: the page shows these buttons only. */
  can: { vote: boolean; say: boolean; edit: boolean; decide: boolean; withdraw: boolean; moderate: boolean };
}

export interface CompoundRulesVersionView {
  version: number;
  text: string;
  note: string;
  /** The topic that changed it, if any. */
  topic: { id: string; title: string } | null;
  adoptedBy: string;
  adoptedAt: number;
}

export interface CompoundRulesView {
  compound: UnitRef;
  trail: string;
  /** The current text; null when none entered yet. */
  current: CompoundRulesVersionView | null;
  /** Every version, newest first (the current one included). */
  history: CompoundRulesVersionView[];
  canKeep: boolean;
}

/** A decided topic on the compound's public page: counts only, no names. */
export interface PublicTopic {
  id: string;
  title: string;
  /** "3号楼" or "幸福里小区". */
  place: string;
  options: { label: string; count: number; percent: number }[];
  turnout: { voted: number; households: number; percent: number };
  decision: DecisionView;
}

export interface DeliberationPublic {
  compound: UnitRef;
  trail: string;
  topics: PublicTopic[];
  rules: CompoundRulesVersionView | null;
}

/** A topic on the 逢三说事 agenda: its vote (or opinions' time) is over and it waits for the decision. */
export interface AgendaTopic {
  id: string;
  title: string;
  trail: string;
  phase: TopicPhase;
  /** When the vote closed (or the opinions' time ended). */
  closedAt: number;
  turnout: { voted: number; households: number; percent: number };
  /** The leading option's label(s) with counts: "同意 (23)". */
  leading: string[];
}

/**
 * A place the caller may open a topic for: a lead's building, a branch secretary's compound and its
 * buildings, a staff member's community and its compounds (their buildings' topics are opened from the
 * management page, where a community's hundreds of buildings can be searched).
 */
export interface OpenablePlace {
  id: string;
  kind: 'building' | 'compound' | 'community';
  /** "幸福里小区 3号楼", "幸福里小区（全小区）", "阳光社区（全社区）". */
  label: string;
}

export interface DeliberationOutputs {
  open: { topic: TopicView; created: boolean };
  edit: TopicView;
  /** `openFor`: the places the caller may open a topic for (the mini-program's 发起议题), empty unless canOpen. */
  mine: { topics: TopicCard[]; total: number; canOpen: boolean; openFor: OpenablePlace[] };
  detail: TopicView;
  say: { topic: TopicView; created: boolean };
  vote: TopicView;
  hide: TopicView;
  unhide: TopicView;
  list: { topics: TopicCard[]; total: number };
  decide: TopicView;
  withdraw: TopicView;
  rules: CompoundRulesView;
  adoptRules: CompoundRulesView;
  public: DeliberationPublic;
}
