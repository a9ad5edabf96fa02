/**
 * Which community's 物业测评 a page shows: one the signed-in person runs assessments in
 * (RUNS_ASSESSMENTS, the list the server checks), from `?community=` or the first of theirs. Community
 * staff are bound to their community; a street officer is bound to the street, so their communities are
 * those under it in the unit tree. Staff of one community never see a picker.
 */
import { Alert, Select } from 'antd';
import { useMemo } from 'react';
import { RUNS_ASSESSMENTS } from '../../../../src/core/assessment-access';
import { replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../units';

export interface CommunityChoice {
  communities: { id: string; name: string }[];
  /** The one shown, or null when there is none (or the unit tree is still on its way). */
  communityId: string | null;
  /** False while a street officer's communities are still being read. */
  ready: boolean;
  choose(id: string): void;
}

export function useAssessmentCommunity(): CommunityChoice {
  const { me } = useSession();
  const search = useSearch();
  const { units } = useUnits();
  const staff = useMemo(() => me.bindings.filter((b) => RUNS_ASSESSMENTS.includes(b.role)), [me]);
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

/** Said instead of the page to someone with no community to run. */
export function NotAssessmentStaff() {
  return <Alert type="info" showIcon data-testid="assessments-no-access" title="物业测评由社区工作人员、社区书记和街道工作人员管理；您的账号没有社区的管理权限。" />;
}
