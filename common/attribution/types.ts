/** Guide DTOs shared by the API and the mini-program. Money is integer fen. */

export interface GuideCard {
  id: number;
  name: string;
  avatarUrl: string | null;
  storeName: string;
  /** 「联系我」 scene 1, for the contact plugin's `cell` (weapp). */
  contactConfigId: string | null;
  /** 「联系我」 scene 2 QR picture (H5). */
  qrCodeUrl: string | null;
  /** 'bound': the shopper's own guide; 'store_default': no guide yet. */
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
  /** The RFM segment's label and the tags' labels (rule tags, then HQ's manual tags); null when insight is not built in. */
  segment: string | null;
  tags: string[];
}

export interface CommissionBuckets {
  heldFen: number;
  releasedFen: number;
  reversedFen: number;
}

export interface GuideMonth extends CommissionBuckets {
  /** YYYY-MM in Asia/Shanghai. */
  month: string;
  orders: { orderId: number; orderNo: string | null; payableFen: number; status: string; commission: CommissionBuckets | null }[];
  /** Store (线下) sales the POS posted with commission on: net commission per receipt, already released. */
  offline: { receiptNo: string; commissionFen: number; reversedFen: number }[];
}

/** A guide's poster code for a product or a group-buy campaign (the image is a data URL). */
export interface GuidePoster {
  kind: 'product' | 'campaign';
  targetId: number;
  /** What the code's `scene` carries: the target and the guide's share token (common/attribution/poster-scene). */
  scene: string;
  /** The page the code opens, without a leading `/`. */
  page: string;
  image: string;
}
