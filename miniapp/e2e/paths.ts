import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
export const WEAPP_DIR = path.join(ROOT, 'dist/weapp');
