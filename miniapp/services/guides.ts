/** The guide feature: my guide (shopper), the add-your-guide prompt, the guide workbench. */
import { request } from './http';

export interface GuideCard {
  id: number;
  name: string;
  avatarUrl: string | null;
  storeName: string;
  contactConfigId: string | null;
  qrCodeUrl: string | null;
  source: 'bound' | 'store_default';
}

export interface GuideMe {
  id: number;
  name: string;
  storeId: number;
  shareToken: string;
}

export interface GuideCustomer {
  memberId: number;
  boundAt: string;
  lastOrderAt: string | null;
  onWecom: boolean;
}

export interface GuideMonth {
  month: string;
  heldFen: number;
  releasedFen: number;
  reversedFen: number;
  orders: { orderId: number; orderNo: string | null; payableFen: number; status: string; commission: { heldFen: number; releasedFen: number; reversedFen: number } | null }[];
}

export const fetchMyGuide = () => request<GuideCard | null>('GET', '/api/guides/mine');
export const promptAfterOrder = (orderId: number) => request<{ show: boolean; guide: GuideCard | null }>('POST', '/api/guides/prompt', { body: { orderId } });
export const tapAddGuide = (guideId: number) => request<null>('POST', '/api/guides/add-tap', { body: { guideId } });
export const linkGuide = (code: string) => request<{ guideId: number; name: string }>('POST', '/api/guides/link', { body: { code } });
export const fetchGuideMe = () => request<GuideMe>('GET', '/api/guide/me');
export const fetchGuideCustomers = () => request<GuideCustomer[]>('GET', '/api/guide/customers');
export const fetchGuideMonths = () => request<GuideMonth[]>('GET', '/api/guide/orders');
