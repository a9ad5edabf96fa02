/**
 * The 议事协商 pages as one lazy chunk (Assessments/pages.ts says why one, not three): the topics,
 * a topic, and a compound's 公约 are visited together, after the first paint.
 */
export { default as Topics } from './index';
export { default as Topic } from './Topic';
export { default as Rules } from './Rules';
