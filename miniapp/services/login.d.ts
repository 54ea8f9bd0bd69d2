/**
 * Type of the per-platform login step; webpack picks login.weapp.ts or login.h5.ts
 * (Taro resolves the `.${TARO_ENV}.ts` file first), TypeScript reads this declaration.
 */

/** A one-time WeChat login code for POST /api/auth/wechat-login. */
export declare function obtainLoginCode(): Promise<string>;
