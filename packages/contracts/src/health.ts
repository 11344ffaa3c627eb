/** Liveness of the app and of the database it talks to. */
import { z } from 'zod';

export const healthSchema = z.object({
  ok: z.boolean(),
  db: z.object({
    ok: z.boolean(),
    /** What answered: "FerretDB v1.24.2" or "MongoDB 7.0.14". */
    server: z.string()
  })
});
export type Health = z.infer<typeof healthSchema>;
