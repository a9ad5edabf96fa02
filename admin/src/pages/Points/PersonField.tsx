/**
 * A person picked by name or phone (people.search, the caller's scope) as a form control: for the
 * ledger's filter and for whom points are granted or corrected. `known` names a person chosen before
 * (from the address or the row clicked), shown before any search answers.
 */
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import type { PersonView } from '../../api';
import { usePeopleSearch } from '../../people-search';

interface Props {
  id?: string;
  value?: string;
  onChange?(id: string | undefined, name: string | undefined): void;
  known?: { id: string; name: string };
  onError(e: unknown): void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

export function PersonField({ id, value, onChange, known, onError, allowClear, placeholder, style, ...rest }: Props) {
  const [people, setPeople] = useState<PersonView[]>([]);
  const { search, searching, note } = usePeopleSearch(onError, setPeople);

  const options = useMemo(() => {
    const o = people.map((p) => ({ value: p.id, label: [p.name, p.phone].filter(Boolean).join(' · '), name: p.name }));
    if (known && !o.some((x) => x.value === known.id)) o.unshift({ value: known.id, label: known.name, name: known.name });
    return o;
  }, [people, known]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      allowClear={allowClear}
      style={style}
      onChange={(v?: string) => onChange?.(v, options.find((o) => o.value === v)?.name)}
      placeholder={placeholder ?? '输入姓名或手机号查找'}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      notFoundContent={searching ? <Spin size="small" /> : (note ?? '没有找到这个人')}
      options={options}
    />
  );
}
