/** The hire signals, weakest first: a zod-free home so scoring in the browser does not bundle the schemas. */
export const HIRE_SIGNALS = ['Strong No Hire', 'No Hire', 'Hire', 'Strong Hire'] as const;
