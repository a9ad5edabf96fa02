import { Select, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { PersonView } from '../../api';
import { searchBoundNote } from '../../people-search';

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
  const [searching, setSearching] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = useCallback(
    (q: string) => {
      clearTimeout(timer.current);
      // Typing a name fires once it pauses; an answer to an older query never replaces a newer one.
      timer.current = setTimeout(async () => {
        const mine = ++seq.current;
        setSearching(true);
        try {
          const found = await api.people.search({ q: q.trim() || undefined, limit: 20 });
          if (mine === seq.current) {
            setPeople(found);
            setNote(null);
          }
        } catch (e) {
          const bound = searchBoundNote(e);
          if (!bound) onError(e);
          else if (mine === seq.current) {
            setPeople([]);
            setNote(bound);
          }
        } finally {
          if (mine === seq.current) setSearching(false);
        }
      }, 250);
    },
    [onError],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

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
