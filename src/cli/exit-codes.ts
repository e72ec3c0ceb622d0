/** The exit codes every command shares; kept apart so the command definitions load without any command's code. */
export const EXIT_ACCEPTED = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;
/** `iwmo convert`: converted, but something was lost (the report says what). */
export const EXIT_LOSSY = 3;
