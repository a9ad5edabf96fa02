/**
 * Form fields sized for older eyes and fingers: a label above, a large box, the error right
 * under the box in words, and how much has been written.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import './components.scss';

interface Common {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
  maxLength: number;
}

function Label({ label, optional, hint }: Pick<Common, 'label' | 'optional' | 'hint'>) {
  return (
    <View className='field__head'>
      <Text className='field__label'>
        {label}
        {optional && <Text className='field__optional'>（可不填）</Text>}
      </Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
    </View>
  );
}

export function TextBox({ label, value, onChange, placeholder, hint, error, optional, maxLength, minLength }: Common & { minLength?: number }) {
  const length = value.trim().length;
  // Too short is said in words beside the red count, not by its colour alone.
  const short = !!minLength && length > 0 && length < minLength;
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <Label label={label} optional={optional} hint={hint} />
      <Textarea
        className='field__textarea'
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        disableDefaultPadding
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='field__foot'>
        {error ? <Text className='field__error'>{error}</Text> : <Text className='field__error' />}
        <Text className={`field__count${short ? ' field__count--short' : ''}`}>
          {short && <Text>{`至少 ${minLength} 字 · `}</Text>}
          {length}/{maxLength} 字
        </Text>
      </View>
    </View>
  );
}

export function LineInput({
  label,
  value,
  onChange,
  placeholder,
  hint,
  error,
  optional,
  maxLength,
  type = 'text',
}: Common & { type?: 'text' | 'number' }) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <Label label={label} optional={optional} hint={hint} />
      <Input
        className='field__input'
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
