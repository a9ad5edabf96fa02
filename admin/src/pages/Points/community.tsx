/** Which community's points, shop, service records and wishes a page shows (see staff-community.tsx). */
import { RUNS_POINTS } from '../../../../src/core/points-access';
import { NotStaff, useStaffCommunity } from '../../staff-community';

export { CommunityPicker, type CommunityChoice } from '../../staff-community';

export const usePointsCommunity = () => useStaffCommunity(RUNS_POINTS);

export function NotPointsStaff() {
  return <NotStaff testId="points-no-access" text="积分、积分超市和微心愿由社区工作人员、社区书记和街道工作人员管理；您的账号没有社区的管理权限。" />;
}
