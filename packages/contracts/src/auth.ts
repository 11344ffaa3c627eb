/** Accounts: sign-up, sign-in and the signed-in user. */
import { levelSchema } from '@mockloop/question-bank/schema';
import { z } from 'zod';
import { wellFormedText } from './text.ts';

export const emailSchema = z
  .string({ error: 'Enter your e-mail address' })
  .trim()
  .max(254, 'An e-mail address has at most 254 characters')
  .pipe(z.email('Enter a valid e-mail address'));

export const passwordSchema = wellFormedText({ error: 'Enter a password' })
  .min(8, 'Use at least 8 characters')
  .max(200, 'Use at most 200 characters');

export const signUpBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: wellFormedText({ error: 'Enter your name' })
    .trim()
    .min(1, 'Enter your name')
    .max(100, 'Use at most 100 characters')
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.object({
  email: emailSchema,
  password: wellFormedText({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(200, 'Use at most 200 characters')
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Deleting the account cannot be undone: it asks for the password again. */
export const deleteAccountBodySchema = z.object({ password: signInBodySchema.shape.password });
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string()
});
export type User = z.infer<typeof userSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** Sign-up's one answer, whether or not the e-mail already had an account: sign in next. */
export const signUpResponseSchema = z.object({ accepted: z.literal(true), message: z.string() });
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

/**
 * A new password with the one-time link the instance's owner issued (`npm run user:reset-password -- <email>`,
 * for an instance that sends no e-mail).
 */
export const passwordResetBodySchema = z.object({
  token: z
    .string({ error: 'This reset link is incomplete' })
    .min(20, 'This reset link is incomplete')
    .max(200, 'This reset link is not one we issued')
    .regex(/^[A-Za-z0-9_.-]+$/, 'This reset link is not one we issued'),
  password: passwordSchema
});
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

/** Who is asking, without a 401 for nobody: pages that anyone may open ask this instead of /api/me. */
export const authSessionResponseSchema = z.object({ user: userSchema.nullable() });
export type AuthSessionResponse = z.infer<typeof authSessionResponseSchema>;

/** A calendar day, YYYY-MM-DD, as `<input type="date">` gives it. */
const calendarDaySchema = z.iso.date({ error: 'Enter a date as YYYY-MM-DD' });

/** What the candidate is preparing for: set during onboarding, it picks the level of "Surprise me". */
export const profileSchema = z.object({
  targetLevel: levelSchema,
  targetDate: calendarDaySchema.nullable().default(null)
});
export type Profile = z.infer<typeof profileSchema>;

export const profileResponseSchema = z.object({ profile: profileSchema.nullable() });
export type ProfileResponse = z.infer<typeof profileResponseSchema>;
