/**
 * The report's description box. It never cuts what is typed or pasted (a textarea's maxlength would
 * drop the end without a word, and WeChat's default is 140): it counts down while the person types
 * ("还可以写 N 字"), and past DESCRIPTION_MAX says by how much, in words under the box, and the form
 * refuses to file until it is shortened. Counted as the server counts: trimmed, one per character.
 */
import { Text, Textarea, View } from '@tarojs/components';
import { checkDescription, DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../utils/report';
import '../../components/components.scss';

/** How much is left, how much over, and whether it is still too short. */
export function measure(text: string) {
  const n = text.trim().length;
  return { left: Math.max(0, DESCRIPTION_MAX - n), over: Math.max(0, n - DESCRIPTION_MAX), short: n > 0 && n < DESCRIPTION_MIN };
}

export const overMessage = (over: number) => `最多写 ${DESCRIPTION_MAX} 字，请删掉 ${over} 字再提交`;

/** The form's check: what the person reads under the box, or null when it can be filed. */
export function checkReportDescription(text: string): string | null {
  const { over } = measure(text);
  return over > 0 ? overMessage(over) : checkDescription(text);
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** What the last submit (or the server) said about it. */
  error: string | null;
}

export function DescriptionBox({ value, onChange, error }: Props) {
  const { left, over, short } = measure(value);
  // Over the limit is said at once, not only at submit; colour is never the only sign.
  const said = error ?? (over > 0 ? overMessage(over) : null);
  const count = over > 0 ? `已超出 ${over} 字` : short ? `至少 ${DESCRIPTION_MIN} 字 · 还可以写 ${left} 字` : `还可以写 ${left} 字`;
  return (
    <View className={`field${said ? ' field--error' : ''}`}>
      <View className='field__head'>
        <Text className='field__label'>请说说是什么问题</Text>
      </View>
      <Textarea
        className='field__textarea'
        value={value}
        placeholder='例如：3单元电梯从昨天起停在5楼，按了没反应'
        // -1: no limit (WeChat's documented value; in a browser the negative value sets none).
        maxlength={-1}
        disableDefaultPadding
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='field__foot'>
        <Text className='field__error'>{said ?? ''}</Text>
        <Text className={`field__count${over > 0 || short ? ' field__count--short' : ''}`}>{count}</Text>
      </View>
    </View>
  );
}
