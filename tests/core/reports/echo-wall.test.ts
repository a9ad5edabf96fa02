import { echoEntry, echoMonths, echoTally, echoTook, HIDDEN, onEchoWall, officialCalendar as cal, photosShown, PLACE_HIDDEN, scrubText, VOICE_ONLY, type EchoFacts, type Report } from '../../../src/core';
import { report, unit } from '../../support/factories';

/** An instant in China time, written the way a person reads it. */
const cn = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const NOV = { from: cn('2026-11-01 00:00'), to: cn('2026-12-01 00:00') };

const building = unit(unit(null, 'compound', '幸福里小区'), 'building', '3号楼');
const resolved = (extra: Partial<Report> = {}): Report => ({ ...report(building).report, status: 'closed', resolvedAt: cn('2026-11-25 15:00'), rating: 'satisfied', ...extra });
const facts = (extra: Partial<EchoFacts> = {}): EchoFacts => ({ resolveNote: '已联系楼上住户，晚上 10 点后停工', resolvePhotos: [], names: [], photoConsent: true, buildingName: '3号楼', ...extra });
const NOISE = { name: '噪音扰民', icon: '🔊' };

describe('the echo wall', () => {
  describe('which reports are on it', () => {
    const table: [string, Partial<Report>, boolean][] = [
      ['closed, resolved in the month', {}, true],
      ['resolved, waiting for the rating', { status: 'resolved', rating: null }, true],
      ['resolved on the first instant of the month', { resolvedAt: NOV.from }, true],
      ['resolved on the first instant of the next month', { resolvedAt: NOV.to }, false],
      ['resolved the month before', { resolvedAt: cn('2026-10-31 23:59') }, false],
      ['still open (disputed, its resolution cleared)', { status: 'responded', resolvedAt: null }, false],
      ['rejected as not actionable', { status: 'rejected', resolvedAt: null }, false],
      ['a duplicate of another report (not counted)', { duplicateOf: 'rep_first' }, false],
    ];
    it.each(table)('%s → %s', (_name, extra, shown) => {
      expect(onEchoWall(resolved(extra), NOV.from, NOV.to)).toBe(shown);
    });
  });

  describe('scrubbing what people typed', () => {
    const table: [string, string, string[], string][] = [
      ['a mobile number', '有事打我电话13800138000', [], `有事打我电话${HIDDEN}`],
      ['a mobile number with spaces', '电话 138 0013 8000 随时', [], `电话 ${HIDDEN} 随时`],
      ['a landline', '物业电话0731-84561234没人接', [], `物业电话${HIDDEN}没人接`],
      ['a door as building-entrance-room', '3-2-502 家门口堆满杂物', [], `${HIDDEN} 家门口堆满杂物`],
      ['a door after the building', '5栋1203室漏水到楼下', [], `${HIDDEN}漏水到楼下`],
      ['a door after the entrance', '2单元502的空调滴水', [], `${HIDDEN}的空调滴水`],
      ['a room number with 室', '我家502室天花板渗水', [], `我家${HIDDEN}天花板渗水`],
      ['a bare room number', '502楼上每晚装修', [], `${HIDDEN}楼上每晚装修`],
      ['a floor and a door', '5楼502门口', [], `${HIDDEN}门口`],
      ['a known name', '孙福贵家楼上装修', ['孙福贵'], '居民家楼上装修'],
      ['a known name and a door', '找张建国，3单元501', ['张建国'], `找居民，${HIDDEN}`],
      // What says where in the compound, not who: kept.
      ['a building and an entrance alone', '3号楼2单元电梯坏了', [], '3号楼2单元电梯坏了'],
      ['a door in a numbered courtyard', '18号院3号门口', [], `${HIDDEN}门口`],
      ['sums, times and years', '修了3天，花了200元，2026年就报过，晚上10点以后', [], '修了3天，花了200元，2026年就报过，晚上10点以后'],
      ['a one-character "name" is not a name', '楼上很吵', ['楼'], '楼上很吵'],
    ];
    it.each(table)('%s', (_name, text, names, out) => {
      expect(scrubText(text, names)).toBe(out);
    });
  });

  describe('how long it took', () => {
    const table: [string, string, string, boolean, string][] = [
      ['within a working day', '2026-11-24 10:00', '2026-11-24 16:00', false, '1 个工作日内'],
      ['across a weekend: two working days, not four', '2026-11-27 10:00', '2026-11-30 16:00', false, '2 个工作日'],
      ['over National Day: the holiday is not counted', '2026-09-30 10:00', '2026-10-08 16:00', false, '2 个工作日'],
      ['urgent, in plain hours', '2026-11-28 22:00', '2026-11-29 01:30', true, '4 小时'],
      ['urgent, within the hour', '2026-11-28 22:00', '2026-11-28 22:40', true, '1 小时内'],
    ];
    it.each(table)('%s', (_name, from, to, urgent, took) => {
      expect(echoTook(cal, { createdAt: cn(from), resolvedAt: cn(to), urgent })).toBe(took);
    });
  });

  describe('photos', () => {
    const table: [string, boolean | undefined, boolean, boolean, boolean][] = [
      ['shown when the form allowed it and the person consents', true, true, false, true],
      ['not shown on a report filed before the choice (absent)', undefined, true, false, false],
      ['not shown when the form left it off', false, true, false, false],
      ['not shown when the person withdrew their consent', true, false, false, false],
      ['not shown on a report filed with the name kept private', true, true, true, false],
    ];
    it.each(table)('%s', (_name, photosPublic, consent, anonymous, shown) => {
      expect(photosShown({ photosPublic, anonymous }, consent)).toBe(shown);
      const e = echoEntry(resolved({ photos: ['photo_1'], photosPublic, anonymous }), facts({ photoConsent: consent, resolvePhotos: ['photo_after'] }), NOISE, cal, 'k');
      expect(e.photos).toEqual(shown ? ['photo_1', 'photo_after'] : []);
    });
  });

  describe('an entry', () => {
    it('reads the category, the place, what was reported, what was done, how long and the rating', () => {
      const r = resolved({ location: '2单元 电梯口', createdAt: cn('2026-11-24 10:00'), resolvedAt: cn('2026-11-25 15:00') });
      expect(echoEntry(r, facts(), NOISE, cal, '2026-11:1')).toEqual({
        key: '2026-11:1',
        category: 'noise',
        categoryName: '噪音扰民',
        icon: '🔊',
        place: '3号楼 2单元 电梯口',
        reported: '楼上每天半夜装修，吵得睡不着',
        done: '已联系楼上住户，晚上 10 点后停工',
        took: '2 个工作日',
        onTime: true,
        rating: 'satisfied',
        ratingLabel: '满意',
        resolvedAt: cn('2026-11-25 15:00'),
        photos: [],
      });
    });

    it('keeps a private report’s building and location off the wall, and scrubs its words', () => {
      const r = resolved({ anonymous: true, location: '3单元501门口', description: '我是孙福贵，3单元501，电话13800000007，楼上漏水' });
      const e = echoEntry(r, facts({ names: ['孙福贵'] }), NOISE, cal, 'k');
      expect(e.place).toBe(PLACE_HIDDEN);
      expect(JSON.stringify(e)).not.toMatch(/孙福贵|13800000007|501|3号楼/);
      expect(e.reported).toBe(`我是居民，${HIDDEN}，电话${HIDDEN}，楼上漏水`);
    });

    it('scrubs the resolve note and the location of a named report too: never a name, phone or door', () => {
      const r = resolved({ location: '3-2-502', contactName: '李秀英' });
      const e = echoEntry(r, facts({ resolveNote: '赵桂兰已上门，李秀英家（502）已修好，有问题打13900001111', names: ['赵桂兰'] }), NOISE, cal, 'k');
      expect(e.place).toBe(`3号楼 ${HIDDEN}`);
      expect(e.done).toBe(`居民已上门，居民家（${HIDDEN}）已修好，有问题打${HIDDEN}`);
    });

    it('reads a voice-only report as what a handler typed, else as a voice report; the voice itself never', () => {
      const voice = { file: 'voice_1', seconds: 12, size: 20_000, type: 'audio/mpeg' as const };
      expect(echoEntry(resolved({ description: '', voice }), facts(), NOISE, cal, 'k').reported).toBe(VOICE_ONLY);
      const heard = echoEntry(resolved({ description: '', voice: { ...voice, heard: '楼道灯坏了，302门口黑' } }), facts(), NOISE, cal, 'k');
      expect(heard.reported).toBe(`楼道灯坏了，${HIDDEN}门口黑`);
      expect(JSON.stringify(heard)).not.toContain('voice_1');
    });

    it('says a compound’s common area, a late resolution, and a rating still to come', () => {
      const e = echoEntry(resolved({ breached: true, rating: null, status: 'resolved' }), facts({ buildingName: null, resolveNote: null }), undefined, cal, 'k');
      expect(e).toMatchObject({ place: '小区公共区域', onTime: false, ratingLabel: '待居民评价', done: '已办结', categoryName: 'noise', icon: '💬' });
    });
  });

  it('tallies the month: resolved, on time, and satisfied (basically satisfied included) of those rated', () => {
    const e = (onTime: boolean, rating: Report['rating']) => ({ onTime, rating });
    expect(echoTally([e(true, 'satisfied'), e(false, 'basically_satisfied'), e(true, 'unsatisfied'), e(true, null)])).toEqual({ resolved: 4, onTime: 3, rated: 3, satisfied: 2 });
  });

  it('offers this month and the eleven before it, newest first, across the year', () => {
    expect(echoMonths('2026-02')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11', '2025-10', '2025-09', '2025-08', '2025-07', '2025-06', '2025-05', '2025-04', '2025-03']);
    expect(echoMonths('2026-12', 2)).toEqual(['2026-12', '2026-11']);
  });
});
