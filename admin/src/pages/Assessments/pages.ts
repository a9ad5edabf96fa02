/**
 * The 物业测评 pages as one lazy chunk. Four chunks of their own would make the bundler split antd's
 * input and space out of the shared chunk every signed-in screen loads (its groups follow which
 * chunks import a module): about 3 KB more on a first load kept under 400 KB. They are visited
 * together, so they come together, after the first paint, on the first visit to the area.
 */
export { default as Review } from './index';
export { default as Companies } from './Companies';
export { default as Policy } from './Policy';
export { default as Print } from './Print';
