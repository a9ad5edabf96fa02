/**
 * The admin page is for staff only: a person without a staff role is told so when signing in and
 * when a stored session is resumed.
 */
export const NOT_STAFF_MESSAGE = '管理后台仅供社区工作人员、社区书记和街道工作人员使用。其他角色请在“近邻”小程序中办理。';
