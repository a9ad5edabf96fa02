/**
 * Which community's 讲堂 the page shows: one the signed-in person runs lectures in (MANAGES_LECTURES,
 * the same allow-list the server checks), from `?community=` or the first of theirs. Staff of one
 * community (nearly everyone) never see a picker; a person bound in two chooses at the top.
 */
import { Alert, Select } from 'antd';
import { useMemo } from 'react';
import { MANAGES_LECTURES } from '../../../../src/core/lectures';
import { replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';

export interface CommunityChoice {
  /** The communities the person runs lectures in. */
  communities: { id: string; name: string }[];
  /** The one shown, or null when there is none. */
  communityId: string | null;
  choose(id: string): void;
}

export function useLectureCommunity(): CommunityChoice {
  const { me } = useSession();
  const search = useSearch();
  const communities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const b of me.bindings) if (MANAGES_LECTURES.includes(b.role) && b.unit.kind === 'community') seen.set(b.unit.id, b.unit.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [me]);
  const asked = new URLSearchParams(search).get('community');
  const communityId = communities.find((c) => c.id === asked)?.id ?? communities[0]?.id ?? null;
  const choose = (id: string) => {
    const q = new URLSearchParams(search);
    q.set('community', id);
    replaceSearch(q.toString());
  };
  return { communities, communityId, choose };
}

/** The picker, shown only to a person who runs lectures in more than one community. */
export function CommunityPicker({ choice }: { choice: CommunityChoice }) {
  if (choice.communities.length < 2) return null;
  return (
    <Select
      aria-label="社区"
      value={choice.communityId ?? undefined}
      onChange={choice.choose}
      options={choice.communities.map((c) => ({ value: c.id, label: c.name }))}
      style={{ width: 180 }}
    />
  );
}

/** Said instead of a 讲堂 page to someone who does not run lectures. */
export function NotLectureStaff() {
  return <Alert type="info" showIcon data-testid="lectures-no-access" title="讲堂由社区工作人员和社区书记管理；您的账号没有社区的讲堂权限。" />;
}
