/**
 * The API origin this build talks to, fixed at build time (see config/index.ts):
 * weapp defaults to http://127.0.0.1:3000, h5 to '' (same origin).
 */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? '';
