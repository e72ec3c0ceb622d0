// Filled in by the conversions work; the entry re-exports it.
export {};
