/**
 * Which community a staff page shows (积分, 物业测评, …): one the signed-in person holds one of `roles`
 * in (the allow-list the server checks for that area), from `?community=` or the first of theirs.
 * Community staff are bound to their community; a street officer is bound to the street, so their
 * communities are those under it in the unit tree. Staff of one community never see a picker.
 */
import { Alert, Select } from 'antd';
import { useMemo } from 'react';
import type { Role } from '../../src/core/roles';
import { replaceSearch, useSearch } from './router';
import { useSession } from './session';
import { useUnits } from './units';

export interface CommunityChoice {
  communities: { id: string; name: string }[];
  /** The one shown, or null when there is none (or the unit tree is still on its way). */
  communityId: string | null;
  /** False while a street officer's communities are still being read. */
  ready: boolean;
  choose(id: string): void;
}

export function useStaffCommunity(roles: readonly Role[]): CommunityChoice {
  const { me } = useSession();
  const search = useSearch();
  const { units } = useUnits();
  const staff = useMemo(() => me.bindings.filter((b) => roles.includes(b.role)), [me, roles]);
  const above = staff.some((b) => b.unit.kind !== 'community');
  const communities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const b of staff) if (b.unit.kind === 'community') seen.set(b.unit.id, b.unit.name);
    for (const u of units ?? [])
      if (u.kind === 'community' && !u.archived && staff.some((b) => b.unit.kind !== 'community' && u.path.startsWith(b.unit.path))) seen.set(u.id, u.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [staff, units]);
  const asked = new URLSearchParams(search).get('community');
  const communityId = communities.find((c) => c.id === asked)?.id ?? communities[0]?.id ?? null;
  const choose = (id: string) => {
    const q = new URLSearchParams(search);
    q.set('community', id);
    replaceSearch(q.toString());
  };
  return { communities, communityId, ready: !above || units !== null, choose };
}

/** The picker, shown only to a person who has more than one community. */
export function CommunityPicker({ choice }: { choice: CommunityChoice }) {
  if (choice.communities.length < 2) return null;
  return (
    <Select
      aria-label="社区"
      value={choice.communityId ?? undefined}
      onChange={choice.choose}
      showSearch={{ optionFilterProp: 'label' }}
      options={choice.communities.map((c) => ({ value: c.id, label: c.name }))}
      style={{ width: 180 }}
    />
  );
}

/** Said instead of the page to someone with no community to run: `text` names the area and who runs it. */
export function NotStaff({ testId, text }: { testId: string; text: string }) {
  return <Alert type="info" showIcon data-testid={testId} title={text} />;
}
