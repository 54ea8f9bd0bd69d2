/** Path parameters shared by the routes of several modules. */
import { z } from 'zod';
import { zs } from './validate';

/** `/…/:id`: one id in the path (plain decimal digits, bounded; see zs.id()). */
export const IdParams = z.object({ id: zs.id() });
