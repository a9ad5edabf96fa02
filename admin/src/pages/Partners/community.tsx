/** Which community's 共建单位 a page shows (see staff-community.tsx), and what the page says to someone without one. */
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { MANAGES_PARTNERS } from '../../../../src/core/partner-access';
import { PageHeader } from '../../components/PageHeader';
import { CommunityPicker, NotStaff, useStaffCommunity } from '../../staff-community';

export const usePartnersCommunity = () => useStaffCommunity(MANAGES_PARTNERS);

/**
 * A page of the area for the chosen community: `render` gets its id and the picker (shown only to a
 * person with more than one); without a community, the page's title and why there is nothing.
 */
export function WithCommunity({ title, render }: { title: string; render(communityId: string, picker: ReactNode): ReactNode }) {
  const choice = usePartnersCommunity();
  if (!choice.communityId) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title={title} />
        {choice.ready && <NotStaff testId="partners-no-access" text="共建单位由社区工作人员、社区书记和街道工作人员管理；您的账号没有社区的管理权限。" />}
      </Flex>
    );
  }
  return <>{render(choice.communityId, <CommunityPicker choice={choice} />)}</>;
}

/** A client request id: a retried create is one record (kept by the form that sends it). */
export function requestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
