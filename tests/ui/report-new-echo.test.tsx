/**
 * The report form's choice for the echo wall (回音壁, #26): "照片可以在回音壁展示" appears once there is a
 * photo, is off unless ticked (nothing is sent then: the server keeps it off), is sent when ticked, and
 * goes away with "不公开我的姓名" (a private report's photos never show on the wall).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NewReport from '../../src/pages/report/new';
import { saveSession } from '../../src/services/session';
import { answer, resetFake, sentTo } from './support/fake-transport';
import { resident } from './support/fixtures';
import { categories, detail, ok } from './support/reports';
import { pickPhotos } from './support/taro';
import { __resetFilingQueue } from '../../src/services/filing-queue';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

const CHOICE = '照片可以在回音壁展示';

beforeEach(() => {
  resetFake();
  saveSession('tok_resident', Date.now() + 3_600_000);
  answer('auth.whoAmI', ok(resident()));
  answer('reports.categories', categories());
  answer('reports.similar', ok([]));
  answer('photos.upload', () => ok({ id: 'ph1', url: '/files/ph1' }));
  answer('reports.create', ok({ report: detail({ id: 'r9', status: 'submitted', statusLabel: '待响应' }), created: true }));
});
afterEach(() => __resetFilingQueue());

async function withPhoto() {
  render(<NewReport />);
  fireEvent.click(await screen.findByLabelText('噪音扰民'));
  await screen.findByText('第 2 步，共 2 步');
  expect(screen.queryByText(CHOICE)).toBeNull();
  pickPhotos(1);
  fireEvent.click(screen.getByText('拍照/选照片'));
  await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument());
  fireEvent.change(screen.getByPlaceholderText(/例如：3单元电梯/), { target: { value: '楼上每天半夜装修，吵得睡不着' } });
}

const submitted = async () => {
  fireEvent.click(screen.getByText('提交反映'));
  await waitFor(() => expect(sentTo('reports.create')).toHaveLength(1));
  return sentTo('reports.create')[0].data as Record<string, unknown>;
};

describe('report form: photos on the echo wall', () => {
  it('offers the choice once there is a photo, off unless ticked', async () => {
    await withPhoto();
    expect(screen.getByRole('switch', { name: CHOICE }).getAttribute('aria-checked')).toBe('false');
    const sent = await submitted();
    expect(sent.photos).toEqual(['ph1']);
    expect(sent.photosPublic).toBeUndefined();
  });

  it('sends the choice when ticked', async () => {
    await withPhoto();
    fireEvent.click(screen.getByRole('switch', { name: CHOICE }));
    expect((await submitted()).photosPublic).toBe(true);
  });

  it('takes the choice away when the name is kept private', async () => {
    await withPhoto();
    fireEvent.click(screen.getByRole('switch', { name: CHOICE }));
    fireEvent.click(screen.getByRole('switch', { name: '不公开我的姓名' }));
    expect(screen.queryByText(CHOICE)).toBeNull();
    const sent = await submitted();
    expect(sent.anonymous).toBe(true);
    expect(sent.photosPublic).toBeUndefined();
  });
});
