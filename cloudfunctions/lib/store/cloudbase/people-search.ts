/**
 * Finding people by part of their name, phone or username on CloudBase, without reading the whole
 * collection.
 *
 * The document database has no index for text inside a field, and a free regular expression is
 * tried on every person (a million in a city). So each person document carries `searchKeys`: every
 * suffix of its name, phone and username, folded as SQLite's LIKE folds (ASCII letters to lower
 * case). Text is contained in a field exactly when it begins one of that field's suffixes, and
 * "begins with" is an anchored, case-sensitive regular expression the multikey index `search_keys`
 * answers as a range: the search reads the people who match, however many others there are. A
 * Chinese name of three characters has three keys, a phone eleven.
 *
 * Documents written before the keys were recorded have none: they are found by the old regular
 * expression, tried on them alone (`searchKeys` absent), until `indexPeopleForSearch` gives them keys.
 *
 * A bound remains. Who may see a match is decided by bindings, not by the person document, so the
 * matches are read in the order of the answer (name, id) and checked a page at a time. A short text
 * in a big city matches more people than any one community holds ("王": one in fourteen): past
 * `bound` matches read with fewer than the page asked for found, the search stops and says so,
 * asking for more of the name or the phone (INPUT.INVALID on `q`), rather than answer a list that
 * leaves people out without a word. SQLite reads the bindings in the same query and never bounds.
 */
import { DomainError } from '../../../../src/core';
import { inParallel, PAGE, type CloudbaseKit, type Condition, type Where } from './kit';
import type { PersonDoc } from './people';

/** The most matches one search reads before it asks for a longer text (see above). */
export const PEOPLE_SEARCH_BOUND = 3_000;

/** As SQLite's LIKE compares: ASCII letters in either case alike, everything else as it is. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Every suffix of the person's name, phone and username, folded; cut at characters, never inside one. */
export function searchKeysOf(p: { name: string; phone: string | null; username?: string | null }): string[] {
  const keys = new Set<string>();
  for (const text of [p.name, p.phone, p.username]) {
    if (!text) continue;
    const chars = [...fold(text)];
    for (let i = 0; i < chars.length; i++) keys.add(chars.slice(i).join(''));
  }
  return [...keys];
}

/** The query of people whose name, phone or username contains `text` ('' matches everyone). */
export function matching(kit: CloudbaseKit, text: string): Where | Condition | null {
  if (text === '') return null;
  const _ = kit.command;
  const re = kit.contains(text);
  return _.or([{ searchKeys: kit.startsWith(fold(text)) }, _.and([{ searchKeys: _.exists(false) }, _.or([{ name: re }, { phone: re }, { username: re }])])]);
}

/** What the search answers when it stops at its bound. */
export function tooBroad(text: string, bound: number): DomainError {
  const read = bound.toLocaleString('zh-CN');
  return text === ''
    ? new DomainError('INPUT.INVALID', `人员很多，只看了按姓名排前 ${read} 位，请输入姓名或手机号查找`, 'q')
    : new DomainError('INPUT.INVALID', `姓名、手机号或账号含“${text}”的人太多，只查了其中 ${read} 位，请多输入几个字或手机号的更多位`, 'q');
}

/** Gives keys to the people written without them, a page at a time until none is left or `deadline` (ms, Date.now) passes; returns how many. */
export async function indexPeopleForSearch(kit: CloudbaseKit, deadline = Infinity): Promise<number> {
  const _ = kit.command;
  let done = 0;
  while (Date.now() < deadline) {
    const page = await kit.rows<PersonDoc>(
      kit
        .coll('people')
        .where({ searchKeys: _.exists(false) })
        .field({ name: true, phone: true, username: true })
        .limit(PAGE),
    );
    // Only onto a document still without keys: a write meanwhile brought its own.
    let now = 0;
    await inParallel(page, 10, async (d) => {
      now += await kit.update(kit.coll('people').where({ _id: d._id, searchKeys: _.exists(false) }), { searchKeys: searchKeysOf(d) });
    });
    done += now;
    if (page.length < PAGE || now === 0) break;
  }
  return done;
}
