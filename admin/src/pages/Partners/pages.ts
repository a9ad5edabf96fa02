/**
 * The 共建单位 pages as one lazy chunk (Assessments/pages.ts says why one, not six): the partners, the
 * needs, the resources, the projects, the visits and the year's figures are visited together, after
 * the first paint.
 */
export { default as Partners } from './index';
export { default as Needs } from './Needs';
export { default as Resources } from './Resources';
export { default as Projects } from './Projects';
export { default as Visits } from './Visits';
export { default as Figures } from './Figures';
