/** Calendar days as the API takes them: real dates of this century (not year 0), and weeks that start on Monday. */
import { z } from 'zod';

/** YYYY-MM-DD from 2000-01-01 to 2099-12-31, and a day that exists. */
export const calendarDateSchema = z.iso
  .date()
  .regex(/^20\d\d-/, 'Use a date from 2000 to 2099')
  .meta({ pattern: '^20\\d\\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

/** A week's first day: a Monday (ISO weeks). */
export const weekStartSchema = calendarDateSchema
  .refine((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1, 'A week starts on a Monday')
  .meta({ 'x-weekday': 'Monday', description: 'The Monday that starts the week (YYYY-MM-DD)' });
