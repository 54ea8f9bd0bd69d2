/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

// Only Taro's own variables are declared here: this file joins the root tsconfig program that
// also type-checks api/, so NODE_ENV and friends keep @types/node's plain string type.
declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro: the platform being built (`taro build --type …`). */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /**
     * Build time only: the appid Taro writes into dist/weapp/project.config.json
     * (default: the appid of the root project.config.json, `touristappid`).
     */
    TARO_APP_ID?: string;
    /** API origin without trailing slash; '' means same origin. Defaults in config/index.ts. */
    TARO_APP_API_BASE?: string;
  }
}
