import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ResolvedCode } from '../../../src/pages/code/ResolvedCode';

describe('a venue code (签到码) scanned with WeChat', () => {
  it('goes on from its landing page to 现场签到, where the screen\'s code is scanned', () => {
    render(
      <ResolvedCode
        code={{
          id: 'abcd2345wxyz',
          purpose: 'venue',
          purposeLabel: '签到码',
          does: '讲堂现场签到',
          unit: { id: 'c1', name: '阳光社区', kind: 'community', path: '/s1/c1/' },
          trail: '幸福街道 阳光社区',
          personName: null,
          validUntil: null,
          usesLeft: null,
        }}
      />,
    );
    expect(screen.queryByText('这一步还没有开放')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('现场签到'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/lectures/attend/index?code=abcd2345wxyz' });
  });
});
