/** The hire-signal cut-offs shared by MockLoop's rubrics. */
import type { HireThresholds } from '../schema.ts';

/**
 * A rating of 3 ("solid") everywhere scores 66.7: a Hire. Strong Hire needs roughly 40% of the
 * weight at 4 with the rest solid; 2s ("partial") everywhere score 33.3: a Strong No Hire.
 */
export const STANDARD_HIRE_THRESHOLDS: HireThresholds = { noHire: 35, hire: 60, strongHire: 80 };
