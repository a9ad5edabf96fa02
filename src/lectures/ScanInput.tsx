/**
 * The scan pages' one main action: 扫码 with the camera in the mini-program; in a browser, a box for
 * what the code holds (pasted, or typed by a scanner gun) and the same button.
 */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '../components/nut';
import { LineInput } from '../components/Field';
import { hasCamera, scanQr } from './scan';

export function ScanInput({ label, typedLabel, busy, onScanned }: { label: string; typedLabel: string; busy: boolean; onScanned: (text: string) => void }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  if (hasCamera()) {
    return (
      <Button
        className='lectures__action'
        type='primary'
        size='large'
        block
        disabled={busy}
        onClick={() => void scanQr().then((text) => text && onScanned(text))}
      >
        {busy ? '正在签到…' : label}
      </Button>
    );
  }

  const submit = () => {
    if (busy) return;
    if (!typed.trim()) return setProblem('请先粘贴或输入码的内容');
    setProblem(null);
    onScanned(typed.trim());
    setTyped('');
  };
  return (
    <View className='card'>
      <LineInput label={typedLabel} hint='浏览器里不能用相机：请粘贴码的内容，或用扫码枪扫入' value={typed} onChange={setTyped} error={problem} maxLength={300} placeholder='jinlin:…' />
      <Button className='lectures__action' type='primary' size='large' block disabled={busy} onClick={submit}>
        {busy ? '正在签到…' : '签到'}
      </Button>
    </View>
  );
}
