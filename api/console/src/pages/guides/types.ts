/** What the HQ guide routes answer (api guides module: guides.admin.ts). */
export interface StoreRow {
  id: number;
  name: string;
  code: string;
  city: string;
  defaultGuideId: number | null;
  createdAt: string;
}

export interface GuideRow {
  id: number;
  name: string;
  wecomUserId: string;
  storeId: number;
  status: 'active' | 'left';
  avatarUrl: string | null;
  linked: boolean;
  contactConfigId: string | null;
  qrCodeUrl: string | null;
}
