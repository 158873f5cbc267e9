export { uppercaseNamesNode as default } from './definition.ts';
