/** The text to show for a caught error: its message, else its name, else the value itself. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
