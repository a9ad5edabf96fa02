/**
 * Typing a code by hand: for someone who opened the page without scanning, or whose scan was
 * misread. Large box, the one button 查看, and what is wrong with the typing said under the box
 * before anything is sent (each look counts against the caller's tries).
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { CODE_ID_ALPHABET, CODE_ID_LENGTH, isCodeId, normaliseCodeId } from '../../core/codes';
import { Button } from '../../components/nut';

/** Why what was typed cannot be a code, or null when it can. */
export function typedCodeProblem(typed: string): string | null {
  const id = normaliseCodeId(typed);
  if (!id) return '请先输入码的编号';
  if (isCodeId(id)) return null;
  if (id.length !== CODE_ID_LENGTH) return `码的编号是 ${CODE_ID_LENGTH} 位字母和数字，您输入了 ${id.length} 位，请对照再输一次`;
  const odd = [...id].filter((c) => !CODE_ID_ALPHABET.includes(c));
  return `码的编号里没有“${[...new Set(odd)].join('、').toUpperCase()}”，请对照再输一次`;
}

export function CodeForm({ onLook, busy }: { onLook: (id: string) => void; busy?: boolean }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    if (busy) return;
    const wrong = typedCodeProblem(typed);
    setProblem(wrong);
    if (!wrong) onLook(normaliseCodeId(typed));
  };

  return (
    <View className={`card code-form${problem ? ' code-form--error' : ''}`}>
      <Text className='code-form__label'>码的编号</Text>
      <Text className='code-form__hint'>{CODE_ID_LENGTH} 位字母和数字，楼栋长或社区可以告诉您</Text>
      <Input
        className='code-form__input'
        value={typed}
        placeholder='请输入 12 位编号'
        placeholderClass='code-form__placeholder'
        maxlength={24}
        confirmType='go'
        onInput={(e) => {
          setTyped(e.detail.value);
          if (problem) setProblem(null);
        }}
        onConfirm={submit}
      />
      {problem && <Text className='code-form__error'>{problem}</Text>}
      <Button className='code__action' type='primary' size='large' block disabled={busy} onClick={submit}>
        查看
      </Button>
    </View>
  );
}
