/**
 * 服务记录 on the management page: the records to confirm, each with what, who, when, how long and the
 * points confirming grants; 确认 sends the version read; 不通过 needs a reason; a record someone else
 * decided meanwhile reloads the list with a word why.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ServiceRecordsPage from '../../../admin/src/pages/ServiceRecords';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { record, STAFF } from './support/fixtures';
import { COMMUNITY, renderPage } from './support/render';
import { resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
});

const pending = record();
const later = record({ id: 'sr2', what: '楼道卫生清扫', minutes: 45, forWhom: null, pointsIfConfirmed: 0, person: { id: 'p_qian', name: '钱小红' } });

describe('服务记录', () => {
  it('lists the records waiting for confirmation with what, who, date, duration and the points confirming grants', async () => {
    answer('points.serviceRecords', { records: [pending, later], total: 2 });
    renderPage(<ServiceRecordsPage />);
    expect(await screen.findByText('陪独居老人去医院复诊')).toBeInTheDocument();
    expect(screen.getByText('服务对象：3号楼独居老人')).toBeInTheDocument();
    expect(screen.getByText('赵建国')).toBeInTheDocument();
    expect(screen.getAllByText('2026-11-18')).toHaveLength(2);
    expect(screen.getByText('2 小时 30 分钟')).toBeInTheDocument();
    expect(screen.getByText('45 分钟')).toBeInTheDocument();
    expect(screen.getAllByTestId('points-if-confirmed').map((e) => e.textContent)).toEqual(['确认后得 2 分', '确认后得 0 分']);
    expect(screen.getByText('待确认（2）')).toBeInTheDocument();
    expect(sentTo('points.serviceRecords')[0]).toMatchObject({ unitId: COMMUNITY.id, status: 'pending' });
  });

  it('确认 sends the version read and says how many points were granted', async () => {
    answer('points.serviceRecords', { records: [pending], total: 1 });
    answer('points.confirmService', { ...pending, status: 'confirmed', statusLabel: '已确认', points: 2, decidedBy: STAFF, decidedAt: Date.now() });
    renderPage(<ServiceRecordsPage />);
    await screen.findByText('陪独居老人去医院复诊');
    fireEvent.click(screen.getByRole('button', { name: '确 认' }));
    // The Popconfirm asks once more, naming the points.
    expect(await screen.findByText('确认后赵建国获得 2 分。')).toBeInTheDocument();
    answer('points.serviceRecords', { records: [], total: 0 });
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: '确 认' }));
    expect(await screen.findByText('已确认，赵建国获得 2 分')).toBeInTheDocument();
    expect(sentTo('points.confirmService')).toEqual([{ id: 'sr1', version: 1 }]);
    expect(await screen.findByText('没有等待确认的服务记录')).toBeInTheDocument();
  });

  it('不通过 refuses an empty reason in words and sends nothing; with one it sends it', async () => {
    answer('points.serviceRecords', { records: [pending], total: 1 });
    answer('points.rejectService', { ...pending, status: 'rejected', statusLabel: '未通过', rejectReason: '同一次服务重复登记' });
    renderPage(<ServiceRecordsPage />);
    await screen.findByText('陪独居老人去医院复诊');
    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    const d = screen.getByRole('dialog');
    fireEvent.click(within(d).getByRole('button', { name: '不通过' }));
    expect(await within(d).findByText('请填写不通过的原因')).toBeInTheDocument();
    expect(sentTo('points.rejectService')).toHaveLength(0);

    fireEvent.click(within(d).getByText('同一次服务重复登记'));
    fireEvent.click(within(d).getByRole('button', { name: '不通过' }));
    expect(await screen.findByText('赵建国的服务记录未通过，本人会看到原因')).toBeInTheDocument();
    expect(sentTo('points.rejectService')).toEqual([{ id: 'sr1', version: 1, reason: '同一次服务重复登记' }]);
  });

  it('reloads with a word why when someone else decided the record first', async () => {
    answer('points.serviceRecords', { records: [pending], total: 1 });
    answer('points.confirmService', new ApiError('SERVICE.DECIDED', '这条服务记录已经处理过了'));
    renderPage(<ServiceRecordsPage />);
    await screen.findByText('陪独居老人去医院复诊');
    fireEvent.click(screen.getByRole('button', { name: '确 认' }));
    await screen.findByText('确认后赵建国获得 2 分。');
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: '确 认' }));
    expect(await screen.findByText('这条服务记录已经有人处理过了，已为您刷新列表')).toBeInTheDocument();
    await waitFor(() => expect(sentTo('points.serviceRecords')).toHaveLength(2));
  });
});
