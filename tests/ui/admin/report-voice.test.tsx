/**
 * A voice note in the management page's report drawer (#26): the browser's own player with its
 * length, what a handler heard beside it, and 写下语音内容 for staff who listened, sending the version
 * read. A report without a voice note has neither.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReportDrawer } from '../../../admin/src/pages/Desk/ReportDrawer';
import { detail, entry } from '../support/reports';
import { answer, resetApi, sentTo } from './support/api';
import { renderPage } from './support/render';

jest.mock('../../../admin/src/api', () => jest.requireActual('./support/api'));
jest.mock('../../../admin/src/router', () => jest.requireActual('./support/router'));

beforeEach(() => resetApi());

const voiced = detail({ description: '语音 12 秒', photos: [], voice: { url: '/files/voc_abc1234567', seconds: 12, type: 'audio/mpeg', heard: null }, can: ['respond', 'describe', 'comment'] });
const open = () => renderPage(<ReportDrawer id="r1" deskUnitId="u_community" onClose={() => undefined} onChanged={() => undefined} />);

describe('the report drawer', () => {
  it('plays the voice note with the browser\'s own controls, loading nothing until asked', async () => {
    answer('reports.detail', voiced);
    open();
    const voice = await screen.findByTestId('report-voice');
    expect(voice).toHaveTextContent('居民的语音（12 秒）');
    const player = voice.querySelector('audio')!;
    const attrs = Object.fromEntries(['src', 'controls', 'preload', 'aria-label'].map((a) => [a, player.getAttribute(a)]));
    expect(attrs).toEqual({ src: '/files/voc_abc1234567', controls: '', preload: 'none', 'aria-label': '居民的语音，12 秒' });
  });

  it('shows what was heard beside the resident\'s own words', async () => {
    answer('reports.detail', { ...voiced, description: '电梯又坏了', voice: { ...voiced.voice!, heard: '3单元电梯停在5楼' } });
    open();
    expect(await screen.findByTestId('report-voice')).toHaveTextContent('听到的内容：3单元电梯停在5楼');
  });

  it('has no player for a report without a voice note', async () => {
    answer('reports.detail', detail({ can: ['respond'] }));
    open();
    expect(await screen.findByTestId('report-description')).toHaveTextContent('3单元电梯停在5楼，按了没反应');
    expect(screen.queryByTestId('report-voice')).toBeNull();
    expect(document.querySelector('audio')).toBeNull();
    expect(within(screen.getByTestId('drawer-actions')).queryByRole('button', { name: '写下语音内容' })).toBeNull();
  });

  it('写下语音内容 sends what staff heard with the version read, and shows it as the description', async () => {
    answer('reports.detail', voiced);
    const heard = '3单元电梯停在5楼，按了没反应';
    answer('reports.describe', {
      ...voiced,
      version: 4,
      description: heard,
      voice: { ...voiced.voice!, heard },
      timeline: [entry({ id: 't9', type: 'describe', label: '听了语音，补充了文字描述', actorName: '张伟', note: heard }), ...voiced.timeline],
    });
    open();
    fireEvent.click(within(await screen.findByTestId('drawer-actions')).getByRole('button', { name: '写下语音内容' }));
    fireEvent.change(await screen.findByLabelText('语音里说了什么'), { target: { value: heard } });
    const modal = document.querySelector('.ant-modal') as HTMLElement;
    expect(modal).toHaveTextContent('写下语音内容 · 电梯故障');
    fireEvent.click(within(modal).getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(sentTo('reports.describe')).toEqual([{ id: 'r1', version: 3, text: heard }]));
    expect(await screen.findByTestId('report-description')).toHaveTextContent(heard);
    expect(screen.getByTestId('timeline')).toHaveTextContent('听了语音，补充了文字描述');
  });
});
