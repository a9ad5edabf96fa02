/**
 * A person picked by name or phone (people.search in the caller's scope, admin/src/people-search.ts) as
 * a form control: the partner's contact in Jinlin, a member to link. `known` names the person chosen
 * before, shown before any search answers; `onPicked` hands the whole person (name, phone) to the form.
 */
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import type { PersonView } from '../../api';
import { usePeopleSearch } from '../../people-search';

interface Props {
  id?: string;
  value?: string | null;
  onChange?(id: string | null): void;
  onPicked?(p: PersonView | null): void;
  known?: { id: string; name: string } | null;
  onError(e: unknown): void;
  placeholder?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

export function PersonPicker({ id, value, onChange, onPicked, known, onError, placeholder, style, ...rest }: Props) {
  const [people, setPeople] = useState<PersonView[]>([]);
  const { search, searching, note } = usePeopleSearch(onError, setPeople);
  const options = useMemo(() => {
    const o = people.map((p) => ({ value: p.id, label: [p.name, p.phone].filter(Boolean).join(' · ') }));
    if (known && !o.some((x) => x.value === known.id)) o.unshift({ value: known.id, label: known.name });
    return o;
  }, [people, known]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      allowClear
      style={style}
      onChange={(v?: string) => {
        onChange?.(v ?? null);
        onPicked?.(people.find((p) => p.id === v) ?? null);
      }}
      placeholder={placeholder ?? '输入姓名或手机号查找'}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      notFoundContent={searching ? <Spin size="small" /> : (note ?? '没有找到这个人')}
      options={options}
    />
  );
}
