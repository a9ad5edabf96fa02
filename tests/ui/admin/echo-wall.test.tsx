/**
 * 回音壁 on the management page: the first compound's wall of this month opens as an A4 sheet (the
 * tally, each entry's category, place, what was reported and done, how long, on time or late in words,
 * the rating); another month is asked for by the month picked; 打印 prints the page.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import EchoWallPage from '../../../admin/src/pages/EchoWall';
import type { EchoEntry, EchoWall } from '../../../src/core';
import { answer, resetApi, sentTo } from './support/api';
import { COMMUNITY, renderPage } from './support/render';
import { resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

const COMPOUND = { id: 'u_xfl', name: '幸福里小区', kind: 'compound' as const, path: `${COMMUNITY.path}u_xfl/`, parentId: COMMUNITY.id, archived: false };

const entry = (o: Partial<EchoEntry> = {}): EchoEntry => ({
  key: '2026-11:1',
  category: 'elevator',
  categoryName: '电梯故障',
  icon: '🛗',
  place: '3号楼 2单元',
  reported: '电梯停在5楼不动',
  done: '维保公司已更换门锁',
  took: '4 小时',
  onTime: true,
  rating: 'satisfied',
  ratingLabel: '满意',
  resolvedAt: Date.parse('2026-11-20T15:00:00+08:00'),
  photos: [],
  ...o,
});

const wall = (o: Partial<EchoWall> = {}): EchoWall => ({
  compound: { id: COMPOUND.id, name: COMPOUND.name, kind: 'compound', path: COMPOUND.path },
  trail: '阳光社区 幸福里小区',
  month: '2026-11',
  months: [
    { month: '2026-11', count: 2 },
    { month: '2026-10', count: 0 },
  ],
  entries: [entry(), entry({ key: '2026-11:2', categoryName: '噪音扰民', icon: '🔊', place: '反映人选择匿名', reported: '楼上半夜装修', done: '已劝停', took: '3 个工作日', onTime: false, rating: null, ratingLabel: '待居民评价' })],
  total: 2,
  tally: { resolved: 2, onTime: 1, rated: 1, satisfied: 1 },
  ...o,
});

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }, COMPOUND] });
});

describe('回音壁', () => {
  it('opens the first compound’s wall of this month as a sheet, late said in words', async () => {
    answer('reports.echoWall', wall());
    renderPage(<EchoWallPage />);

    const sheet = await screen.findByTestId('echo-sheet');
    expect(sentTo('reports.echoWall')).toEqual([{ compoundId: COMPOUND.id }]);
    expect(within(sheet).getByText('回音壁 · 2026年11月')).toBeInTheDocument();
    expect(screen.getByTestId('echo-tally')).toHaveTextContent('办结 2 件 · 按时 1 件 · 满意 1 / 1 件已评价');
    const items = within(sheet).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('🛗 电梯故障3号楼 2单元反映：电梯停在5楼不动办理：维保公司已更换门锁用时 4 小时✓ 按时办结评价：满意');
    expect(items[1]).toHaveTextContent('反映人选择匿名');
    expect(items[1]).toHaveTextContent('⚠ 超时办结');
    expect(items[1]).toHaveTextContent('评价：待居民评价');
    // The A4 portrait rule is the page's own while it shows.
    expect(Array.from(document.querySelectorAll('style'), (st) => st.textContent).join('')).toContain('@page { size: A4 portrait; margin: 12mm; }');
  });

  it('asks for the month picked, and prints', async () => {
    answer('reports.echoWall', (d: { month?: string }) => (d.month === '2026-10' ? wall({ month: '2026-10', entries: [], total: 0, tally: { resolved: 0, onTime: 0, rated: 0, satisfied: 0 } }) : wall()));
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage(<EchoWallPage />);
    await screen.findByTestId('echo-sheet');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '月份' }));
    fireEvent.click(await screen.findByText('2026年10月（0 件）'));
    await waitFor(() => expect(screen.getByTestId('echo-tally')).toHaveTextContent('本月还没有办结的反映'));
    expect(sentTo('reports.echoWall').at(-1)).toEqual({ compoundId: COMPOUND.id, month: '2026-10' });

    fireEvent.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalled();
  });
});
