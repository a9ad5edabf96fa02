/**
 * 长辈版 (elder mode): the switch on 我的 kept on the phone, the scale every page root carries, and how
 * the switch and WeChat's font size make that scale. What the scale does to sizes is measured in a real
 * browser (tests/e2e/elder-mode.test.ts); here, that the pages get it.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from '../../src/pages/me/index';
import MyReports from '../../src/pages/report/mine';
import { ELDER_MODE_KEY, ELDER_SCALE, MAX_SCALE, readTextScale, scaleOf, setElderMode } from '../../src/services/elder-mode';
import { saveSession } from '../../src/services/session';
import { answer, resetFake } from './support/fake-transport';
import { me, notRegistered } from './support/fixtures';

jest.mock('../../src/services/transport', () => jest.requireActual('./support/fake-transport'));

/** The page root: the element that carries the scale. */
const rootOf = (el: HTMLElement) => el.closest('.page') as HTMLElement;

beforeEach(() => {
  resetFake();
  Taro.removeStorageSync(ELDER_MODE_KEY);
  saveSession('tok_me', Date.now() + 3_600_000);
});

describe('the scale', () => {
  it.each([
    ['normal, WeChat at its standard size', false, 1, 1],
    ['长辈版', true, 1, ELDER_SCALE],
    ['WeChat larger than 长辈版: WeChat wins', true, 1.4, 1.4],
    ['WeChat a little larger, 长辈版 on: 长辈版 wins', true, 1.1, ELDER_SCALE],
    ['WeChat larger, 长辈版 off', false, 1.3, 1.3],
    ['WeChat far larger: held at the most our layouts take', true, 2, MAX_SCALE],
    ['WeChat smaller than standard: never below our normal sizes', false, 0.85, 1],
    ['WeChat says nothing usable', false, Number.NaN, 1],
  ])('%s', (_case, elderMode, wechat, scale) => {
    expect(scaleOf(elderMode, wechat)).toBe(scale);
  });

  it('follows WeChat\'s font size in the mini-program, and only the switch in a browser', () => {
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ language: 'zh_CN', fontSizeScaleFactor: 1.4 });
    expect(readTextScale()).toEqual({ elderMode: false, scale: 1, elder: false });
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      expect(readTextScale()).toEqual({ elderMode: false, scale: 1.4, elder: true });
      // An older base library gives only the size in px: WeChat's standard is 17.
      (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ language: 'zh_CN', fontSizeSetting: 20 });
      expect(readTextScale().scale).toBeCloseTo(20 / 17, 3);
    } finally {
      process.env.TARO_ENV = env;
      (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ language: 'zh_CN', fontSizeScaleFactor: 1, fontSizeSetting: 17 });
    }
  });
});

describe('the 长辈版 switch on 我的', () => {
  it('is off at first; turned on, it is kept on the phone and the page grows at once', async () => {
    answer('auth.whoAmI', { ok: true, data: me() });
    render(<MePage />);

    const toggle = await screen.findByRole('switch', { name: '长辈版' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle).toHaveTextContent('关');
    expect(rootOf(toggle).style.getPropertyValue('--jl-scale')).toBe('1');
    expect(rootOf(toggle)).not.toHaveClass('page--elder');

    fireEvent.click(toggle);

    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(toggle).toHaveTextContent('开');
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe(true);
    expect(rootOf(toggle).style.getPropertyValue('--jl-scale')).toBe(String(ELDER_SCALE));
    expect(rootOf(toggle)).toHaveClass('page--elder');

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(Taro.getStorageSync(ELDER_MODE_KEY)).toBe(false);
    expect(rootOf(toggle)).not.toHaveClass('page--elder');
  });

  it('is there for someone not registered yet too', async () => {
    answer('auth.whoAmI', { ok: true, data: notRegistered() });
    render(<MePage />);
    expect(await screen.findByRole('switch', { name: '长辈版' })).toBeInTheDocument();
  });
});

describe('every page', () => {
  it('opens at the scale kept on the phone, and follows the switch while it is shown', async () => {
    setElderMode(true);
    answer('reports.mine', { ok: true, data: [] });
    render(<MyReports />);

    const text = await screen.findByText('您还没有反映过问题。');
    expect(rootOf(text).style.getPropertyValue('--jl-scale')).toBe(String(ELDER_SCALE));
    expect(rootOf(text).className.split(' ')).toEqual(expect.arrayContaining(['page--elder', 'mine']));

    setElderMode(false);
    await waitFor(() => expect(rootOf(text).style.getPropertyValue('--jl-scale')).toBe('1'));
    expect(rootOf(text)).not.toHaveClass('page--elder');
  });
});
