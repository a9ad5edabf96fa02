/**
 * The echo wall (回音壁): a compound's public monthly list of resolved reports — what was reported,
 * what was done, how long it took, the rating — as 韶山路社区 keeps one on its wall. Anyone may read
 * it, registered or not, so it never carries a name, a phone or a door: the texts are scrubbed here,
 * a "keep my name private" report loses its building and location too, and photos show only when the
 * resident chose to show them publicly on the form (`photosPublic`) and has not withdrawn consent to
 * their photos (person.consent.photos). Pure: the action reads, these decide.
 */
import type { Status } from './machine';
import { RATING_LABEL, type Rating, type Report } from './report';
import { WORKDAY_MINUTES, workingMinutesBetween, type Calendar } from './calendar';

/** Statuses a report is on the wall in: resolved (waiting for the rating) or closed after it. */
export const ECHO_WALL_STATUSES: readonly Status[] = ['resolved', 'closed'];

/** Entries a month shows at most (a compound resolves far fewer); the page says how many more there were. */
export const ECHO_WALL_MAX = 100;

/** Months offered to choose from, this one included. */
export const ECHO_WALL_MONTHS = 12;

/** The wall is public: reads per caller (WeChat user or address) in each window, as codes are resolved. */
export const ECHO_WALL_LIMIT = { perWindow: 60, windowMs: 10 * 60_000 } as const;

/** Where scrubbed text stood. */
export const HIDDEN = '＊＊';

/** What a voice-only report reads as when nobody has typed what was heard: the voice itself is the person, never public. */
export const VOICE_ONLY = '居民用语音反映了这个问题';

/** A report filed with "keep my name private" has no place on the wall. */
export const PLACE_HIDDEN = '反映人选择匿名';

const HOUR = 3600_000;

/** Is the report on the wall of [from, to): resolved in the month, still resolved or closed, counted (not a duplicate). */
export function onEchoWall(r: Pick<Report, 'status' | 'resolvedAt' | 'duplicateOf'>, from: number, to: number): boolean {
  return ECHO_WALL_STATUSES.includes(r.status) && r.resolvedAt !== null && r.resolvedAt >= from && r.resolvedAt < to && !r.duplicateOf;
}

// A phone: a mobile (11 digits from 1), a landline with its area code, or any run of 7 or more digits
// (spaces and dashes between digits count: "138 0013 8000").
const PHONE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8}|\d(?:[\s-]?\d){6,}/g;
// A door: "3-2-502", "3号楼2单元502", "5栋1203室", "502室", "5楼502", "1203房", "18号院3号". Entrances and
// buildings alone ("3单元", "5号楼") are not doors: they say where in the compound, not who.
const DOOR = [
  /\d+\s*[-－—~]\s*\d+(?:\s*[-－—~]\s*\d+)*/g,
  /\d+\s*(?:号楼|栋|幢|号院|座)\s*(?:\d+\s*单元\s*)?(?:\d{3,4}(?!\s*单元)\s*(?:室|房|号|户)?|\d+\s*(?:室|房|号|户))/g,
  /\d+\s*单元\s*(?:\d{3,4}\s*(?:室|房|号|户)?|\d+\s*(?:室|房|号|户))/g,
  /\d+\s*楼\s*\d{2,4}\s*(?:室|房|号|户)?/g,
  /[a-zA-Z]?\d{2,4}\s*(?:室|房间|房|户)/g,
];
// A bare 3- or 4-digit number is a door ("502漏水") unless a word after it says it counts something else.
const BARE_NUMBER = /(?<![\d＊])\d{3,4}(?!\d|\s*(?:元|块|米|年|月|日|天|小时|分钟|分|秒|平|个|次|人|斤|公斤|克|度|℃|%|％|号楼|栋|幢|单元|路|号线|米|升|辆|棵|盏|层))/g;

/**
 * Text for the wall: phones and doors replaced by ＊＊, and the names the report is known to carry
 * (the resident's, the contact's) by 居民. Names typed that the report does not know cannot be found:
 * the wall shows no free text a handler has not seen (the description and their own resolve note).
 */
export function scrubText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let out = text;
  // Longest first, so 欧阳华 goes before 欧阳; a one-character "name" would eat ordinary words.
  for (const name of [...new Set(names.filter((n): n is string => !!n && n.trim().length >= 2).map((n) => n.trim()))].sort((a, b) => b.length - a.length))
    out = out.split(name).join('居民');
  out = out.replace(PHONE, HIDDEN);
  for (const door of DOOR) out = out.replace(door, HIDDEN);
  out = out.replace(BARE_NUMBER, HIDDEN);
  return out.replace(/(?:＊＊\s*){2,}/g, HIDDEN).trim();
}

/** How long it took, as people say it: urgent reports in plain hours, others in working days (their deadlines' units). */
export function echoTook(cal: Calendar, r: Pick<Report, 'createdAt' | 'resolvedAt' | 'urgent'>): string {
  const end = r.resolvedAt ?? r.createdAt;
  if (r.urgent) {
    const hours = Math.max(1, Math.ceil((end - r.createdAt) / HOUR));
    return hours <= 1 ? '1 小时内' : `${hours} 小时`;
  }
  const minutes = workingMinutesBetween(cal, r.createdAt, end);
  if (minutes <= WORKDAY_MINUTES) return '1 个工作日内';
  return `${Math.ceil(minutes / WORKDAY_MINUTES)} 个工作日`;
}

/** What the wall needs to know of the report's people and its resolution, read by the action. */
export interface EchoFacts {
  /** The resolve entry's note and photos (the latest resolve: a disputed report may have been resolved twice). */
  resolveNote: string | null;
  resolvePhotos: readonly string[];
  /** Names the texts may carry: the resident's, the contact's, the handler's. */
  names: readonly (string | null | undefined)[];
  /** The resident's consent to their photos being shown beyond the handlers (consentOf(person).photos); true when there is no resident. */
  photoConsent: boolean;
  /** "3号楼" for a building, null for a compound's common area. */
  buildingName: string | null;
}

/** One entry of the wall. Photos are stored references: the action turns them into addresses. */
export interface EchoEntry {
  /** Stable within the page (React keys): the report's place in the month, not its id. */
  key: string;
  category: string;
  categoryName: string;
  icon: string;
  /** "3号楼 3单元 电梯"; "小区公共区域"; PLACE_HIDDEN for a report filed with its name kept private. */
  place: string;
  reported: string;
  done: string;
  took: string;
  /** Resolved within its deadline at every level (never breached). */
  onTime: boolean;
  rating: Rating | null;
  ratingLabel: string;
  resolvedAt: number;
  photos: string[];
}

/** Photos go on the wall only when both the report (its form's choice) and the person (their consent) say so. */
export function photosShown(r: Pick<Report, 'photosPublic' | 'anonymous'>, photoConsent: boolean): boolean {
  // A private report's photo can show the door or the person: its filer asked not to be known.
  return r.photosPublic === true && photoConsent && !r.anonymous;
}

export function echoEntry(
  r: Pick<Report, 'category' | 'description' | 'location' | 'photos' | 'photosPublic' | 'anonymous' | 'voice' | 'urgent' | 'createdAt' | 'resolvedAt' | 'breached' | 'rating' | 'contactName'>,
  facts: EchoFacts,
  category: { name: string; icon: string } | undefined,
  cal: Calendar,
  key: string,
): EchoEntry {
  const names = [r.contactName, ...facts.names];
  const words = r.description || r.voice?.heard || '';
  const location = r.location ? scrubText(r.location, names) : '';
  const place = r.anonymous ? PLACE_HIDDEN : [facts.buildingName ?? '小区公共区域', location].filter(Boolean).join(' ');
  const photos = photosShown(r, facts.photoConsent) ? [...r.photos, ...facts.resolvePhotos] : [];
  return {
    key,
    category: r.category,
    categoryName: category?.name ?? r.category,
    icon: category?.icon ?? '💬',
    place,
    reported: words ? scrubText(words, names) : VOICE_ONLY,
    done: facts.resolveNote ? scrubText(facts.resolveNote, names) : '已办结',
    took: echoTook(cal, r),
    onTime: !r.breached,
    rating: r.rating,
    ratingLabel: r.rating ? RATING_LABEL[r.rating] : '待居民评价',
    resolvedAt: r.resolvedAt!,
    photos,
  };
}

/** The month's counts the wall shows above its list: resolved, on time, and rated satisfied of those rated. */
export function echoTally(entries: readonly Pick<EchoEntry, 'onTime' | 'rating'>[]): { resolved: number; onTime: number; rated: number; satisfied: number } {
  const rated = entries.filter((e) => e.rating !== null);
  return {
    resolved: entries.length,
    onTime: entries.filter((e) => e.onTime).length,
    rated: rated.length,
    satisfied: rated.filter((e) => e.rating !== 'unsatisfied').length,
  };
}

/** The months offered, newest first: this one and the ECHO_WALL_MONTHS − 1 before it ('YYYY-MM'). */
export function echoMonths(thisMonth: string, count = ECHO_WALL_MONTHS): string[] {
  const [y, m] = thisMonth.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) - i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}
