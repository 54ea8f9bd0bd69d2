import { z } from 'zod';
import { zs } from '../../http/validate';

export const DeliveryIdParams = z.strictObject({ id: zs.id() });
