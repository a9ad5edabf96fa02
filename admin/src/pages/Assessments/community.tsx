/** Which community's 物业测评 a page shows (see staff-community.tsx). */
import { RUNS_ASSESSMENTS } from '../../../../src/core/assessment-access';
import { NotStaff, useStaffCommunity } from '../../staff-community';

export { CommunityPicker, type CommunityChoice } from '../../staff-community';

export const useAssessmentCommunity = () => useStaffCommunity(RUNS_ASSESSMENTS);

export function NotAssessmentStaff() {
  return <NotStaff testId="assessments-no-access" text="物业测评由社区工作人员、社区书记和街道工作人员管理；您的账号没有社区的管理权限。" />;
}
