/**
 * The "add your guide on WeCom" control, per platform: weapp shows WeCom's contact plugin `cell`
 * with the guide's 「联系我」 config_id (it works inside WeChat only); H5 shows the guide's QR code.
 * Either records the shopper's tap (the server links a WeCom add to it when no unionid matches).
 * A page using it declares `cell: plugin://contactPlugin/cell` in usingComponents on weapp.
 */
import type { GuideCard } from '../services/guides';

export declare function GuideContact(props: { guide: GuideCard }): JSX.Element;
