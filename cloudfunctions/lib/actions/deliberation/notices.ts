/**
 * What people are told about topics: the people of the unit (its residents; and the members serving
 * there when the audience includes them) when a topic opens and when its decision is published; an
 * opinion's author when staff hide it, with the reason. Each
 * lands in the in-app messages and, in the cloud, as a subscribe message when a template is configured
 * for its kind. A notice never fails the change that caused it: it is sent after the change is stored,
 * and a failure is logged. A topic's people past TELL_NOW_MAX (a compound's or community's thousands)
 * are not told inside the action, which would pass the function's timeout: their notice is stored as
 * fan-outs the timer sends (jobs/notice-fanouts.ts), within minutes.
 *
 * Fields for a template's keywords (JINLIN_SUBSCRIBE_TEMPLATES maps keyword → one of these):
 *   topic   thing   the topic's title, shortened
 *   status  phrase  新议题 / 已有决定 / 已隐藏
 *   note    thing   what to do, or what was decided
 */
import { MEMBERS_WHO_SPEAK, ancestorIds, formatDate, subscribeThing, topicPage, type Topic, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';
import type { NoticeFanout } from '../../store/port';
import { unitPeople } from './scope';

/** Notices are written this many at a time. */
const BATCH = 50;

/** At most this many people are told inside the action (4 batches, a second or two in the cloud); more go to the timer. */
export const TELL_NOW_MAX = 200;

/** People per fan-out: its ids (about 22 bytes each) stay well inside what one CloudBase document may carry. */
export const FANOUT_MAX = 5_000;

const quoted = (t: Topic) => `“${subscribeThing(t.title, 30)}”`;

function notice(personId: string, kind: string, t: Topic, title: string, body: string, status: string, note: string): Notice {
  return { personId, kind, title, body, page: topicPage(t.id), fields: { topic: subscribeThing(t.title), status, note: subscribeThing(note) } };
}

/** Everyone a topic is for, leaving out `except` (who opened or decided it). */
export async function topicPeople(deps: Deps, t: Topic, except: string): Promise<string[]> {
  const people = new Set((await unitPeople(deps)(t.unitPath)).residents);
  if (t.audience === 'residents_and_members') {
    // Members serve where they are bound: on the unit, under it, or on the compound above a building.
    const under = (await deps.store.units.listSubtree(t.unitPath)).filter((u) => !u.archived).map((u) => u.id);
    const above = (await deps.store.units.getMany(ancestorIds(t.unitPath))).filter((u: Unit) => u.kind === 'compound' && !u.archived).map((u) => u.id);
    for (const b of await deps.store.bindings.listWithRoles([...new Set([...under, ...above])], MEMBERS_WHO_SPEAK)) people.add(b.personId);
  }
  people.delete(except);
  return [...people];
}

function whatToDo(t: Topic, now: number): string {
  if (t.voteOpensAt === null || t.voteClosesAt === null) return `${formatDate(t.opinionsUntil, now)}前可以发表意见`;
  return `${formatDate(t.voteOpensAt, now)}至${formatDate(t.voteClosesAt, now)}每户投一票`;
}

export function openedNotices(t: Topic, people: readonly string[], place: string, now: number): Notice[] {
  const todo = whatToDo(t, now);
  return people.map((id) =>
    notice(id, 'topic.opened', t, '有新的议题请您参与', `${place}有一个新议题${quoted(t)}：${todo}。请打开看看，说说您的意见。`, '新议题', todo),
  );
}

export function decidedNotices(t: Topic, people: readonly string[]): Notice[] {
  const text = t.decision?.text ?? '';
  return people.map((id) => notice(id, 'topic.decided', t, '议题已有决定', `议题${quoted(t)}已有决定：${text}。决定和会议纪要已公布，请打开查看。`, '已有决定', text));
}

export function hiddenNotice(t: Topic, authorId: string, reason: string): Notice {
  return notice(authorId, 'topic.opinionHidden', t, '您的意见被隐藏了', `您在议题${quoted(t)}里发表的意见被工作人员隐藏了，原因：${reason}。只有您本人还能看到它。`, '已隐藏', `原因：${reason}`);
}

/**
 * Tells the notices' people once the change is stored; a notice never fails the change. Notices about
 * a topic for more than TELL_NOW_MAX people (one notice each, the same words) are enqueued as fan-outs
 * whose ids come from the kind and the topic (`topic.opened:<topicId>`, then `#2`, `#3`… past
 * FANOUT_MAX people), so a retried change enqueues nothing twice.
 */
export async function tell(deps: Deps, notices: readonly Notice[], about?: Topic): Promise<void> {
  if (about && notices.length > TELL_NOW_MAX) {
    const [first] = notices;
    const same = (n: Notice) => n.kind === first.kind && n.title === first.title && n.body === first.body && n.page === first.page;
    if (notices.every(same)) return enqueue(deps, notices, about);
    // A fan-out says one thing to everyone; notices that differ (a bug) are still sent, here.
    deps.log.error('topic notices differ: told inside the action', { topicId: about.id, kind: first.kind, people: notices.length });
  }
  for (let i = 0; i < notices.length; i += BATCH) {
    await Promise.all(
      notices
        .slice(i, i + BATCH)
        .map((n) => deps.notifier.notify(n).catch((e: unknown) => deps.log.error('topic notice not sent', { kind: n.kind, personId: n.personId, error: String(e) }))),
    );
  }
}

async function enqueue(deps: Deps, notices: readonly Notice[], t: Topic): Promise<void> {
  const [first] = notices;
  const now = deps.clock.now();
  for (let i = 0; i * FANOUT_MAX < notices.length; i++) {
    const f: NoticeFanout = {
      id: `${first.kind}:${t.id}${i === 0 ? '' : `#${i + 1}`}`,
      kind: first.kind,
      title: first.title,
      body: first.body,
      page: first.page ?? null,
      fields: first.fields ?? {},
      personIds: notices.slice(i * FANOUT_MAX, (i + 1) * FANOUT_MAX).map((n) => n.personId),
      next: 0,
      claimedUntil: 0,
      version: 1,
      createdAt: now,
      doneAt: null,
    };
    try {
      await deps.store.noticeFanouts.enqueue(f);
    } catch (e) {
      deps.log.error('topic notices not enqueued', { fanoutId: f.id, people: f.personIds.length, error: String(e) });
    }
  }
}
