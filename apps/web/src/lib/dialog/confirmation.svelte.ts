/**
 * One in-app confirmation at a time, asked from anywhere (a mock's Finish, a reset of the code) and answered by the
 * <ConfirmDialog> in the layout: a modal the page styles and tests can drive, unlike the browser's `confirm()`.
 */
export interface ConfirmOptions {
  /** The button that agrees: says what happens ("Finish now"), not "OK". */
  confirmLabel?: string;
  cancelLabel?: string;
  title?: string;
}

export interface ConfirmRequest extends Required<ConfirmOptions> {
  message: string;
  resolve: (agreed: boolean) => void;
}

class Confirmation {
  request = $state<ConfirmRequest | null>(null);

  /** Shows the question; resolves true when the person agrees, false when they cancel or press Escape. */
  ask(message: string, options: ConfirmOptions = {}): Promise<boolean> {
    // A newer question replaces an unanswered one, which counts as declined.
    this.request?.resolve(false);
    return new Promise((resolve) => {
      this.request = {
        message,
        confirmLabel: options.confirmLabel ?? 'Continue',
        cancelLabel: options.cancelLabel ?? 'Cancel',
        title: options.title ?? 'Are you sure?',
        resolve
      };
    });
  }

  answer(agreed: boolean): void {
    const request = this.request;
    this.request = null;
    request?.resolve(agreed);
  }
}

export const confirmation = new Confirmation();
