import { Select, Spin } from 'antd';
import { useState } from 'react';
import type { PersonView } from '../../api';
import { usePeopleSearch } from '../../people-search';

interface Props {
  value?: string;
  onChange?(id: string): void;
  onError(e: unknown): void;
  id?: string;
}

/**
 * Whom a personal code is printed for: the people search of the units page (by name or phone, in
 * the caller's scope), as a form control.
 */
export function PersonSelect({ value, onChange, onError, id }: Props) {
  const [people, setPeople] = useState<PersonView[]>([]);
  const { search, searching, note } = usePeopleSearch(onError, setPeople);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder="输入姓名或手机号查找"
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && search('')}
      notFoundContent={searching ? <Spin size="small" /> : (note ?? '没有找到。还没登记的人，请先在“单位与人员”页新增')}
      options={people.map((p) => ({ value: p.id, label: [p.name, p.phone].filter(Boolean).join(' · ') }))}
    />
  );
}
