/**
 * The 长辈版 switch on 我的: kept on the phone, and every page follows at once (services/elder-mode.ts).
 * Its hint says what it does and that WeChat's own font size is followed as well.
 */
import { setElderMode } from '../services/elder-mode';
import { useTextScale } from '../utils/useTextScale';
import { Toggle } from './Toggle';

export function ElderModeSwitch() {
  const { elderMode } = useTextScale();
  return (
    <Toggle
      label='长辈版'
      hint={process.env.TARO_ENV === 'weapp' ? '字更大，按钮更大。微信里调大了字体，这里也跟着变大' : '字更大，按钮更大'}
      checked={elderMode}
      onChange={(on) => void setElderMode(on)}
    />
  );
}
