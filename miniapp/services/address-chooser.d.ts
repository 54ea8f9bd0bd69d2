/**
 * Type of the per-platform 「一键获取微信地址」; webpack picks address-chooser.weapp.ts or
 * address-chooser.h5.ts, TypeScript reads this declaration.
 */
import type { AddressInput } from '@common/address/types';

/** Whether this platform can read the shopper's WeChat addresses (weapp only). */
export declare const canChooseWechatAddress: boolean;

/** The address the shopper picked in WeChat, or null when they backed out. */
export declare function chooseWechatAddress(): Promise<Omit<AddressInput, 'isDefault'> | null>;
