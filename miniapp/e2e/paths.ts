import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
export const WEAPP_DIR = path.join(ROOT, 'dist/weapp');

/** Page routes by name, from the mini-program's one map (journeys open pages by these). */
export { PAGES } from '../routes';
