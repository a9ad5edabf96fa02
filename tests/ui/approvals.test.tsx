import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RegistrationQueueItem } from '../../src/core/api';
import { ERRORS } from '../../src/core/errors';
import Approvals from '../../src/handler/approvals/index';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { buildingLead } from './support/fixtures';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const HOUR = 3_600_000;
const showModal = Taro.showModal as jest.Mock;

function item(overrides: Partial<RegistrationQueueItem> = {}): RegistrationQueueItem {
  return {
    id: 'reg_1',
    status: 'pending',
    statusLabel: '等待审核',
    building: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
    trail: '阳光社区 幸福里小区 1号楼',
    codeId: null,
    door: { entrance: '2', floor: 5, room: '502' },
    doorLabel: '2单元 5层 502室',
    name: '张秀英',
    phone: '13900006666',
    phoneVerified: false,
    autoApproved: null,
    rejectReason: null,
    createdAt: Date.now() - HOUR,
    decidedAt: null,
    version: 1,
    matches: [],
    rejectedBefore: [],
    applicant: null,
    ...overrides,
  };
}

const queue = (...registrations: RegistrationQueueItem[]) => answer('registration.pending', { ok: true, data: { registrations } });
const cardOf = (name: string) => screen.getByText(name).closest('.applicant') as HTMLElement;

beforeEach(() => {
  resetFake();
  saveSession('tok_lead', Date.now() + HOUR);
  answer('auth.whoAmI', { ok: true, data: buildingLead() });
});

describe('入住审核: the approver\'s queue', () => {
  it('shows each applicant: name, building, door, phone and whether WeChat verified it, earlier refusals', async () => {
    queue(
      item(),
      item({
        id: 'reg_2',
        name: '李建华',
        phone: '13700001111',
        phoneVerified: true,
        codeId: null,
        door: { entrance: '', floor: null, room: '101' },
        doorLabel: '101室',
        rejectedBefore: [{ at: Date.now() - 72 * HOUR, reason: '姓名和住户对不上' }],
      }),
    );
    render(<Approvals />);

    expect(await screen.findByText('2 户等待审核。核对姓名、门牌和电话后再通过；自己填写的号码请先打电话核对。')).toBeInTheDocument();
    const first = within(cardOf('张秀英'));
    expect(first.getByText('申请入住 阳光社区 幸福里小区 1号楼')).toBeInTheDocument();
    expect(first.getByText('2单元 5层 502室')).toBeInTheDocument();
    expect(first.getByRole('button', { name: '打电话给 张秀英' })).toHaveTextContent('📞 13900006666');
    expect(first.getByText('⚠ 自己填写的号码，请先打电话核对')).toBeInTheDocument();
    const second = within(cardOf('李建华'));
    expect(second.getByText('✓ 微信验证过的号码')).toBeInTheDocument();
    expect(second.getByText(/✕ .+：姓名和住户对不上/)).toBeInTheDocument();
    expect(sentTo('registration.pending')[0].token).toBe('tok_lead');
  });

  it('approves a new resident once the approver confirms, and takes them off the queue', async () => {
    queue(item());
    answer('registration.approve', { ok: true, data: { ...item(), status: 'approved' } });
    render(<Approvals />);

    fireEvent.click(await screen.findByText('✓ 通过'));

    await waitFor(() => expect(sentTo('registration.approve')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认通过', content: expect.stringContaining('张秀英：1号楼 2单元 5层 502室，作为新居民') }));
    expect(sentTo('registration.approve')[0].data).toEqual({ id: 'reg_1', version: 1 });
    await waitFor(() => expect(screen.queryByText('张秀英')).not.toBeInTheDocument());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
  });

  it('sends nothing when the approver changes their mind', async () => {
    queue(item());
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<Approvals />);

    fireEvent.click(await screen.findByText('✓ 通过'));

    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(sentTo('registration.approve')).toHaveLength(0);
    expect(screen.getByText('张秀英')).toBeInTheDocument();
  });

  it('asks who the applicant is when residents the community registered have the same phone, and approves as that one', async () => {
    queue(item({ matches: [{ id: 'p_zhang', name: '张秀英', phone: '13900006666' }, { id: 'p_wang', name: '王秀英', phone: '13900006666' }] }));
    answer('registration.approve', { ok: true, data: { ...item(), status: 'approved' } });
    render(<Approvals />);

    fireEvent.click(await screen.findByText('✓ 通过'));
    expect(screen.getByText('请先选：是社区已登记的哪一位，还是新居民')).toBeInTheDocument();
    expect(sentTo('registration.approve')).toHaveLength(0);

    fireEvent.click(screen.getByText('就是导入的 王秀英'));
    fireEvent.click(screen.getByText('✓ 通过'));

    await waitFor(() => expect(sentTo('registration.approve')).toHaveLength(1));
    expect(sentTo('registration.approve')[0].data).toEqual({ id: 'reg_1', version: 1, personId: 'p_wang' });
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('就是社区登记的 王秀英') }));
  });

  it('approves as a new resident when the applicant is none of them', async () => {
    queue(item({ matches: [{ id: 'p_zhang', name: '张秀英', phone: '13900006666' }] }));
    answer('registration.approve', { ok: true, data: { ...item(), status: 'approved' } });
    render(<Approvals />);

    fireEvent.click(await screen.findByText('都不是，作为新居民'));
    fireEvent.click(screen.getByText('✓ 通过'));

    await waitFor(() => expect(sentTo('registration.approve')).toHaveLength(1));
    expect(sentTo('registration.approve')[0].data).toEqual({ id: 'reg_1', version: 1 });
  });

  it('rejects on a screen of its own, with a reason the applicant will read', async () => {
    queue(item(), item({ id: 'reg_2', name: '李建华' }));
    answer('registration.reject', { ok: true, data: { ...item(), status: 'rejected' } });
    render(<Approvals />);

    await screen.findByText('张秀英');
    fireEvent.click(within(cardOf('张秀英')).getByText('✕ 不通过'));
    expect(screen.getByText('不通过：张秀英')).toBeInTheDocument();
    expect(screen.queryByText('李建华')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('确认不通过'));
    expect(screen.getByText('请写明不通过的原因，申请人会看到')).toBeInTheDocument();
    expect(sentTo('registration.reject')).toHaveLength(0);

    fireEvent.click(screen.getByText('本楼没有这一户'));
    fireEvent.click(screen.getByText('确认不通过'));

    await waitFor(() => expect(sentTo('registration.reject')).toHaveLength(1));
    expect(sentTo('registration.reject')[0].data).toEqual({ id: 'reg_1', version: 1, reason: '本楼没有这一户' });
    expect(await screen.findByText('李建华')).toBeInTheDocument();
    expect(screen.queryByText('张秀英')).not.toBeInTheDocument();
  });

  it('goes back to the queue without rejecting', async () => {
    queue(item());
    render(<Approvals />);

    fireEvent.click(await screen.findByText('✕ 不通过'));
    fireEvent.click(screen.getByText('返回'));

    expect(screen.getByText('张秀英')).toBeInTheDocument();
    expect(sentTo('registration.reject')).toHaveLength(0);
  });

  it('says so and reads the queue again when someone else decided first', async () => {
    queue(item());
    answer('registration.approve', { ok: false, code: 'REGISTRATION.ALREADY_DECIDED', message: ERRORS['REGISTRATION.ALREADY_DECIDED'] });
    render(<Approvals />);

    await screen.findByText('张秀英');
    queue();
    fireEvent.click(screen.getByText('✓ 通过'));

    expect(await screen.findByText('现在没有等待审核的登记。有新邻居登记时，会发消息告诉您。')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: ERRORS['REGISTRATION.ALREADY_DECIDED'] }));
    expect(sentTo('registration.pending')).toHaveLength(2);
  });

  it('shows any other refusal on the applicant\'s card', async () => {
    queue(item());
    answer('registration.approve', { ok: false, code: 'REGISTRATION.PERSON_TAKEN', message: ERRORS['REGISTRATION.PERSON_TAKEN'] });
    render(<Approvals />);

    fireEvent.click(await screen.findByText('✓ 通过'));

    expect(await within(cardOf('张秀英')).findByText(ERRORS['REGISTRATION.PERSON_TAKEN'])).toBeInTheDocument();
  });

  it('tells a person who approves nothing so', async () => {
    answer('registration.pending', { ok: false, code: 'AUTH.FORBIDDEN', message: '您不审核居民登记' });
    render(<Approvals />);

    expect(await screen.findByText('您不审核居民登记')).toBeInTheDocument();
  });
});
