import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Home from '../../../src/pages/index/index';
import MePage from '../../../src/pages/me/index';
import { saveSession } from '../../../src/services/session';
import { answer, resetFake } from '../support/fake-transport';
import { resident } from '../support/fixtures';

jest.mock('../../../src/services/transport', () => jest.requireActual('../support/fake-transport'));

beforeEach(() => {
  resetFake();
  saveSession('tok_resident', Date.now() + 3_600_000);
  answer('auth.whoAmI', { ok: true, data: resident() });
});

describe('the ways into 社区讲堂', () => {
  it('home\'s 社区讲堂 tile opens the list of lectures', async () => {
    render(<Home />);
    fireEvent.click(await screen.findByText('社区讲堂'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/list/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.getByText('报名听讲座')).toBeInTheDocument();
  });

  it('我的 opens 我的报名', async () => {
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的报名'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/mine/index' });
  });
});
