/**
 * What a form shows for a refused request. A validation failure on the form's own fields is said in words at the
 * top ("Password: use at least 8 characters.") and beside each field; the API's summary names fields by their wire
 * names ("Some body fields are invalid: password."), which reads as a bug to a person.
 */
export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

interface RefusedRequest {
  code: string;
  message: string;
  fields: Record<string, string>;
}

/** `labels` maps the form's field names to what the form calls them. */
export function formErrors(error: RefusedRequest, labels: Record<string, string>): FormErrors {
  const failing = Object.entries(error.fields);
  const ours = failing.length > 0 && failing.every(([name]) => name in labels);
  if (error.code !== 'VALIDATION_FAILED' || !ours) return { message: error.message, fields: error.fields };
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  const message =
    failing.length === 1
      ? sentence(`${labels[failing[0]![0]]}: ${lower(failing[0]![1])}`)
      : `Check ${failing.map(([name]) => labels[name]!.toLowerCase()).join(' and ')}.`;
  return { message, fields: error.fields };
}
