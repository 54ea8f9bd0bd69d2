/**
 * The mini-program is never opened from WeCom's chat toolbar, and the sidebar page is not part
 * of the weapp build: this stub keeps the import resolvable there without the JS-SDK.
 */
import { WecomClientError } from './wecom-errors';
import type { WecomBridge } from './wecom-bridge';

const notHere = () => Promise.reject(new WecomClientError('not_in_wecom'));

export const wecomBridge: WecomBridge = {
  inWecom: () => false,
  takeLoginCode: () => null,
  cameBackFromLogin: () => false,
  goLogin: () => undefined,
  register: notHere,
  context: notHere,
  currentContact: notHere,
  currentChat: notHere,
  sendMiniprogram: notHere,
};
