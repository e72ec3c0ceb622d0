// Filled in by the documents work; the entry re-exports it.
export {};
