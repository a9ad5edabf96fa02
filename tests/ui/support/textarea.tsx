import type { ChangeEvent } from 'react';

interface Props {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  className?: string;
  onInput?: (e: { detail: { value: string } }) => void;
  [key: string]: unknown;
}

export function Textarea({ value, placeholder, maxlength, className, onInput }: Props) {
  return (
    <textarea
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}
