/**
 * 共建单位 on the management page: the list says, in words, which partners have not visited this month
 * and 本月未走访 shows only those; 新增共建单位 refuses missing or malformed fields beside them before
 * sending, then sends the days as the function takes them and the server's refusal lands beside its
 * field. 发布需求 needs a name and a source's number when it comes from a report. A project shows 接受
 * only when the server says the caller may, and 结项 needs the result before anything is sent.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import PartnersPage from '../../../admin/src/pages/Partners';
import NeedsPage from '../../../admin/src/pages/Partners/Needs';
import ProjectsPage from '../../../admin/src/pages/Partners/Projects';
import type { PartnerRow, ProjectView } from '../../../src/core/outputs/partners';
import { ApiError, answer, resetApi, sentTo } from './support/api';
import { COMMUNITY, renderPage } from './support/render';
import { resetRouter } from './support/router';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

const COMMUNITY_REF = { id: COMMUNITY.id, name: COMMUNITY.name, kind: COMMUNITY.kind, path: COMMUNITY.path };

function partner(over: Partial<PartnerRow> = {}): PartnerRow {
  return {
    id: 'ptn1',
    name: '市第一人民医院',
    kind: 'hospital',
    kindLabel: '医院',
    version: 1,
    address: '解放路 18 号',
    contact: { name: '王医生', phone: '13900001234', person: null },
    communities: [COMMUNITY_REF],
    agreement: { signedOn: '2026-03-01', terms: '每月义诊', until: null },
    archived: false,
    members: 2,
    resourcesOffered: 1,
    projectsOpen: 1,
    projectsDone: 0,
    lastVisitDay: '2026-11-20',
    visitedThisMonth: false,
    ...over,
  };
}

function project(over: Partial<ProjectView> = {}): ProjectView {
  return {
    id: 'prj1',
    version: 1,
    community: COMMUNITY_REF,
    partner: { id: 'ptn1', name: '市第一人民医院', kind: 'hospital', kindLabel: '医院' },
    need: { id: 'need1', title: '活动室桌椅更换' },
    resource: null,
    title: '活动室桌椅更换',
    startedBy: 'partner',
    startedByLabel: '共建单位认领',
    note: '我院志愿者周末可以来',
    status: 'proposed',
    statusLabel: '待对方确认',
    communityOwner: null,
    partnerOwner: { id: 'p_wang', name: '王医生' },
    milestones: [],
    result: null,
    reason: null,
    createdAt: Date.parse('2026-12-01T02:00:00Z'),
    decidedAt: null,
    closedAt: null,
    can: { accept: true, decline: true, cancel: false, milestone: false, close: false },
    ...over,
  };
}

beforeEach(() => {
  resetApi();
  resetRouter();
  answer('units.tree', { units: [{ ...COMMUNITY, parentId: 'u_street', archived: false }] });
});

const field = (label: string) => screen.getByLabelText(label);

describe('共建单位', () => {
  const visited = partner({ id: 'ptn2', name: '城东实验学校', kind: 'school', kindLabel: '学校', visitedThisMonth: true, lastVisitDay: '2026-12-01' });

  it('says in words who has not visited this month, and 本月未走访 shows only them', async () => {
    answer('partners.list', { community: COMMUNITY_REF, partners: [partner(), visited] });
    renderPage(<PartnersPage />);
    expect(await screen.findByText('市第一人民医院')).toBeInTheDocument();
    const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(rowOf('市第一人民医院')).getByTestId('visit-month')).toHaveTextContent('本月未走访上次 2026-11-20');
    expect(within(rowOf('城东实验学校')).getByTestId('visit-month')).toHaveTextContent('本月已走访（2026-12-01）');
    fireEvent.click(screen.getByText('本月未走访 1'));
    await waitFor(() => expect(screen.queryByText('城东实验学校')).not.toBeInTheDocument());
    expect(screen.getByText('市第一人民医院')).toBeInTheDocument();
  });

  it('refuses an incomplete partner beside its fields, then sends the days as the function takes them', async () => {
    answer('partners.list', { community: COMMUNITY_REF, partners: [] });
    answer('partners.savePartner', new ApiError('PARTNER.NAME_TAKEN', '已有同名的共建单位，请直接在它的共建社区里加上本社区', 'name'));
    renderPage(<PartnersPage />);
    fireEvent.click(await screen.findByRole('button', { name: /新增共建单位/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    for (const says of ['请填写单位名称', '请选择单位类型', '请填写地址', '请填写联络人姓名', '请填写联络人手机号', '请选择签约日期', '请填写共建内容']) expect(await within(dialog).findByText(says)).toBeInTheDocument();
    fireEvent.change(field('联络人手机'), { target: { value: '1390000' } });
    expect(await within(dialog).findByText('手机号应为 11 位数字')).toBeInTheDocument();
    expect(sentTo('partners.savePartner')).toHaveLength(0);

    fireEvent.change(field('单位名称'), { target: { value: ' 市第一人民医院 ' } });
    fireEvent.mouseDown(within(dialog).getByLabelText('单位类型'));
    fireEvent.click(await screen.findByTitle('医院'));
    fireEvent.change(field('地址'), { target: { value: '解放路 18 号' } });
    fireEvent.change(field('联络人姓名'), { target: { value: '王医生' } });
    fireEvent.change(field('联络人手机'), { target: { value: '13900001234' } });
    const signed = within(dialog).getByLabelText('签约日期');
    fireEvent.mouseDown(signed);
    fireEvent.change(signed, { target: { value: '2026-03-01' } });
    fireEvent.keyDown(signed, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.change(field('共建内容'), { target: { value: '每月一次义诊' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sentTo('partners.savePartner')).toHaveLength(1));
    expect(sentTo('partners.savePartner')[0]).toMatchObject({
      name: '市第一人民医院',
      kind: 'hospital',
      contactPhone: '13900001234',
      contactPersonId: null,
      communityIds: [COMMUNITY.id],
      signedOn: '2026-03-01',
      terms: '每月一次义诊',
      until: null,
    });
    expect(sentTo('partners.savePartner')[0].clientRequestId).toEqual(expect.any(String));
    expect(await within(dialog).findByText('已有同名的共建单位，请直接在它的共建社区里加上本社区')).toBeInTheDocument();
  });
});

describe('需求清单', () => {
  it('needs a name, and a report’s number when the need comes from one', async () => {
    answer('partners.needs', { needs: [], total: 0 });
    answer('partners.postNeed', (d: { title: string }) => ({ need: { id: 'need1', title: d.title }, created: true }));
    renderPage(<NeedsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /发布需求/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('来自民情反映'));
    await within(dialog).findByLabelText('民情反映编号');
    fireEvent.click(within(dialog).getByRole('button', { name: /发\s*布/ }));
    for (const says of ['请填写需求名称', '请选择需求类型', '请填写需求说明', '请填写民情反映编号']) expect(await within(dialog).findByText(says)).toBeInTheDocument();
    expect(sentTo('partners.postNeed')).toHaveLength(0);

    fireEvent.change(field('需求名称'), { target: { value: '活动室桌椅更换' } });
    fireEvent.mouseDown(within(dialog).getByLabelText('需求类型'));
    fireEvent.click(await screen.findByTitle('设备物资'));
    fireEvent.change(field('需求说明'), { target: { value: '20 套桌椅老化' } });
    fireEvent.change(field('民情反映编号'), { target: { value: ' rpt42 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /发\s*布/ }));
    await waitFor(() => expect(sentTo('partners.postNeed')).toHaveLength(1));
    expect(sentTo('partners.postNeed')[0]).toMatchObject({ unitId: COMMUNITY.id, kind: 'equipment', title: '活动室桌椅更换', source: { kind: 'report', id: 'rpt42' } });
    expect(await screen.findByText('已发布需求「活动室桌椅更换」，共建单位现在可以认领')).toBeInTheDocument();
  });
});

describe('项目', () => {
  it('shows 接受 when the server says so, with what the partner wrote when claiming, and sends the version read', async () => {
    resetRouter('id=prj1');
    answer('partners.projects', { projects: [project()], total: 1 });
    answer('partners.project', project());
    answer('partners.accept', project({ status: 'active', statusLabel: '进行中', version: 2, can: { accept: false, decline: false, cancel: true, milestone: true, close: true } }));
    renderPage(<ProjectsPage />);
    const drawer = await screen.findByTestId('project-detail');
    expect(within(drawer).getByText('我院志愿者周末可以来')).toBeInTheDocument();
    fireEvent.click(within(drawer).getByRole('button', { name: /^接\s*受$/ }));
    fireEvent.click(within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', { name: /^接\s*受$/ }));
    await waitFor(() => expect(sentTo('partners.accept')).toEqual([{ id: 'prj1', version: 1 }]));
    expect(await within(drawer).findByRole('button', { name: /^结\s*项$/ })).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: /^接\s*受$/ })).not.toBeInTheDocument();
  });

  it('waits for the partner when the community asked, with no 接受 of its own', async () => {
    resetRouter('id=prj1');
    const asked = project({ startedBy: 'community', startedByLabel: '社区发起', can: { accept: false, decline: false, cancel: true, milestone: false, close: false } });
    answer('partners.projects', { projects: [asked], total: 1 });
    answer('partners.project', asked);
    renderPage(<ProjectsPage />);
    const drawer = await screen.findByTestId('project-detail');
    expect(within(drawer).getByText('等市第一人民医院在小程序里确认接受')).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: /^接\s*受$/ })).not.toBeInTheDocument();
  });

  it('结项 needs the result before anything is sent', async () => {
    resetRouter('id=prj1');
    const active = project({ status: 'active', statusLabel: '进行中', can: { accept: false, decline: false, cancel: true, milestone: true, close: true } });
    answer('partners.projects', { projects: [active], total: 1 });
    answer('partners.project', active);
    answer('partners.close', project({ status: 'done', statusLabel: '已完成', result: { text: '送来 20 把椅子', photos: [] }, can: { accept: false, decline: false, cancel: false, milestone: false, close: false } }));
    renderPage(<ProjectsPage />);
    const drawer = await screen.findByTestId('project-detail');
    fireEvent.click(within(drawer).getByRole('button', { name: /^结\s*项$/ }));
    const dialog = (await screen.findAllByRole('dialog')).find((d) => d.textContent?.includes('结项：活动室桌椅更换')) as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: /^结\s*项$/ }));
    expect(await within(dialog).findByText('请填写项目成效')).toBeInTheDocument();
    expect(sentTo('partners.close')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('项目成效'), { target: { value: ' 送来 20 把椅子 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^结\s*项$/ }));
    await waitFor(() => expect(sentTo('partners.close')).toEqual([{ id: 'prj1', version: 1, result: '送来 20 把椅子', photos: [] }]));
    expect(await screen.findByText('项目「活动室桌椅更换」已结项，需求已满足')).toBeInTheDocument();
  });
});
