/**
 * One field of the way-in forms (登记入住, 党员报到), for older eyes and fingers: the label and what to write above, a box
 * 60 CSS px tall with large type, the problem right under it in words.
 */
import { Input, Text, View } from '@tarojs/components';

type InputType = 'text' | 'number' | 'digit';

export function BigInput({
  label,
  hint,
  value,
  onChange,
  error,
  placeholder,
  maxLength,
  type = 'text',
  password = false,
  optional = false,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  maxLength: number;
  type?: InputType;
  password?: boolean;
  optional?: boolean;
}) {
  return (
    <View className={`big-field${error ? ' big-field--error' : ''}`}>
      <Text className='big-field__label'>
        {label}
        {optional && <Text className='big-field__optional'>（可不填）</Text>}
      </Text>
      {hint && <Text className='big-field__hint'>{hint}</Text>}
      <Input
        className='big-field__input'
        type={type}
        password={password}
        value={value}
        placeholder={placeholder}
        placeholderClass='big-field__placeholder'
        maxlength={maxLength}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className='big-field__error'>{error}</Text>}
    </View>
  );
}
