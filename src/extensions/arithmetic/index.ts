// Filled in by the arithmetic work; the entry re-exports it.
export {};
