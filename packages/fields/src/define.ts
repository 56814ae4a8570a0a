// Registers the field elements. Separate from the classes so importing a class has no side effect.
// define-input.ts / define-card.ts register one element each, for documents that need only one.
import './define-input';
import './define-card';
