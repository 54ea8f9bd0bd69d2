/** The guide feature: my guide (shopper), the add-your-guide prompt, the guide workbench. */
import type { GuideCard, GuideCustomer, GuideMe, GuideMonth, GuidePoster } from '@common/attribution/types';
import { request } from './http';

export type { GuideCard, GuideCustomer, GuideMe, GuideMonth, GuidePoster };

export const fetchMyGuide = () => request<GuideCard | null>('GET', '/api/guides/mine');
export const promptAfterOrder = (orderId: number) => request<{ show: boolean; guide: GuideCard | null }>('POST', '/api/guides/prompt', { body: { orderId } });
export const tapAddGuide = (guideId: number) => request<null>('POST', '/api/guides/add-tap', { body: { guideId } });
export const linkGuide = (code: string) => request<{ guideId: number; name: string }>('POST', '/api/guides/link', { body: { code } });
export const fetchShareToken = () => request<{ kind: 'guide' | 'member'; token: string }>('GET', '/api/guides/share-token');
export const fetchGuideMe = () => request<GuideMe>('GET', '/api/guide/me');
export const fetchGuideCustomers = () => request<GuideCustomer[]>('GET', '/api/guide/customers');
export const fetchGuideMonths = () => request<GuideMonth[]>('GET', '/api/guide/orders');
/** My poster (mini-program code carrying my token) for a product or a group-buy campaign. */
export const fetchGuidePoster = (kind: 'product' | 'campaign', id: number) => request<GuidePoster>('GET', `/api/guide/${kind === 'product' ? 'products' : 'campaigns'}/${id}/poster`);
