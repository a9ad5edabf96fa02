/**
 * messages.noticeTemplates: the mini-program learns which subscribe-message templates to ask for at
 * each moment from the same JINLIN_SUBSCRIBE_TEMPLATES the functions send with.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MOMENT_KINDS, NOTICE_MOMENTS, type Outputs } from '../../src/core';
import { data, harness, type Harness } from '../support/harness';

type Answer = Outputs['messages']['noticeTemplates'];

const template = (templateId: string) => ({ templateId, data: { thing1: 'report', time2: 'time' } });

describe('messages.noticeTemplates', () => {
  let h: Harness;
  const before = process.env.JINLIN_SUBSCRIBE_TEMPLATES;
  beforeEach(async () => {
    h = await harness({ residents: 2 });
  });
  afterEach(() => {
    h.close();
    if (before === undefined) delete process.env.JINLIN_SUBSCRIBE_TEMPLATES;
    else process.env.JINLIN_SUBSCRIBE_TEMPLATES = before;
  });

  it('answers each moment’s template ids from the setting the notices are sent with', async () => {
    process.env.JINLIN_SUBSCRIBE_TEMPLATES = JSON.stringify({
      'report.resolved': template('TPL-RESOLVED'),
      'report.responded': template('TPL-PROGRESS'),
      'report.rejected': template('TPL-PROGRESS'),
      'report.assigned': template('TPL-ASSIGNED'),
      'lecture.reminder': template('TPL-LECTURE'),
      'registration.approved': template('TPL-APPROVED'),
    });
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {}, await h.as('jumin')))).toEqual({
      reportFiled: ['TPL-RESOLVED', 'TPL-PROGRESS'],
      reportTaken: ['TPL-ASSIGNED'],
      lectureSignUp: ['TPL-LECTURE'],
      topicVoted: [],
    });
  });

  it('asks for at most 3 templates a moment, in the order the table gives', async () => {
    process.env.JINLIN_SUBSCRIBE_TEMPLATES = JSON.stringify(Object.fromEntries(MOMENT_KINDS.reportTaken.map((k) => [k, template(`TPL-${k}`)])));
    const answer = data(await h.call<Answer>('messages', 'noticeTemplates', {}, await h.as('louzhang')));
    expect(answer.reportTaken).toEqual(['TPL-report.assigned', 'TPL-report.warning', 'TPL-report.infoProvided']);
    expect(answer.reportFiled).toEqual([]);
  });

  it('answers anyone, before they register: the mini-program fetches at start, and the ids are no secret', async () => {
    process.env.JINLIN_SUBSCRIBE_TEMPLATES = JSON.stringify({ 'lecture.promoted': template('TPL-SEAT') });
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {}, { openid: 'o-nobody-yet' })).lectureSignUp).toEqual(['TPL-SEAT']);
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {})).lectureSignUp).toEqual(['TPL-SEAT']);
  });

  it('answers no templates when none are configured (the local host): the phone then asks nothing', async () => {
    delete process.env.JINLIN_SUBSCRIBE_TEMPLATES;
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {}))).toEqual({ reportFiled: [], reportTaken: [], lectureSignUp: [], topicVoted: [] });
  });

  it('follows a changed setting in a warm instance', async () => {
    process.env.JINLIN_SUBSCRIBE_TEMPLATES = JSON.stringify({ 'report.assigned': template('TPL-OLD') });
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {})).reportTaken).toEqual(['TPL-OLD']);
    process.env.JINLIN_SUBSCRIBE_TEMPLATES = JSON.stringify({ 'report.assigned': template('TPL-NEW') });
    expect(data(await h.call<Answer>('messages', 'noticeTemplates', {})).reportTaken).toEqual(['TPL-NEW']);
  });
});

/** Every string literal a function's code writes as a notice kind: `kind: '…'` or an argument `'report.…'`. */
function kindsSent(): Set<string> {
  const kinds = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/'((?:report|lecture|registration|holidays|topic)\.[a-zA-Z]+)'/g)) kinds.add(m[1]);
    }
  };
  walk(path.join(__dirname, '../../cloudfunctions/lib/actions'));
  walk(path.join(__dirname, '../../cloudfunctions/lib/jobs'));
  return kinds;
}

describe('the moments table', () => {
  it('names only notice kinds the functions send, so no slot is spent on a kind that never comes', () => {
    const sent = kindsSent();
    for (const m of NOTICE_MOMENTS) for (const kind of MOMENT_KINDS[m]) expect({ moment: m, kind, sent: sent.has(kind) }).toEqual({ moment: m, kind, sent: true });
  });
});
