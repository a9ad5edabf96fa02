/**
 * The few runtime values the management page takes from the shared core. Only modules without
 * runtime dependencies are imported here (not core/index, which pulls in zod via schemas.ts).
 */
export { ROLE_LABEL, ROLE_UNIT_KINDS, ROLES, STAFF_ROLES, can, canBind } from '../../src/core/roles';
export { ALLOWED_PARENTS, UNIT_KINDS, UNIT_KIND_LABEL, buildTree, isWithin, ancestorIds } from '../../src/core/units';
export { LEVELS, LEVEL_LABEL, DEFAULT_CATEGORIES } from '../../src/core/reports/categories';
export { STATUSES, STATUS_LABEL, isOpen } from '../../src/core/reports/machine';
export { CHANNELS, CHANNEL_LABEL, RATINGS, RATING_LABEL } from '../../src/core/reports/report';
export { CODE_PURPOSES, CODE_PURPOSE_DOES, CODE_PURPOSE_LABEL, CODE_UNIT_KINDS, CODE_STATUS_LABEL, PERSONAL_CODE_DAYS, mayMakeCode } from '../../src/core/codes';
export { approvalRoots } from '../../src/core/registrations';
export {
  CHECKIN_STATUSES,
  CHECKIN_STATUS_LABEL,
  MEMBER_SKILLS,
  MEMBER_TYPES,
  MEMBER_TYPE_LABEL,
  VETERAN_LABEL,
  checkinApprovalRoots,
  mayDecideCheckin,
  memberCountRoots,
  rosterRoots,
} from '../../src/core/checkins';
